package org.factorlab.cli;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @Test
    void printsTheSeedExperimentWithListsAndExecutionTime() {
        Cli.Result r = Cli.args("run", "--seed", "42", "--count", "200");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(200).allMatch(l -> l.matches("\\[\\d+(, \\d+)*]"));
        assertThat(r.err()).startsWith("Starting number crunching\n").contains("Seed: 42", "model=sequential", "count=200");
        assertThat(r.err()).containsPattern("Execution Time: \\d+\\.\\d{6}\n");
        for (String line : lines) { // every list multiplies out to a number in the default range, ascending primes
            List<BigInteger> f = List.of(line.substring(1, line.length() - 1).split(", ")).stream().map(BigInteger::new).toList();
            BigInteger product = f.stream().reduce(BigInteger.ONE, BigInteger::multiply);
            assertThat(product).isBetween(BigInteger.valueOf(20_000), BigInteger.valueOf(100_000_000));
            assertThat(f).isSorted().allMatch(p -> p.isProbablePrime(40));
        }
    }

    @Test
    void theSameSeedGivesTheSameOutputAndTrialAgreesWithAuto() {
        String trial = Cli.args("run", "--seed", "7", "--count", "2000", "--format", "gnu").out();
        String again = Cli.args("run", "--seed", "7", "--count", "2000", "--format", "gnu").out();
        String auto = Cli.args("run", "--seed", "7", "--count", "2000", "--format", "gnu", "--algorithm", "auto").out();
        assertThat(again).isEqualTo(trial);
        assertThat(auto).isEqualTo(trial);
        assertThat(Cli.args("run", "--seed", "8", "--count", "2000", "--format", "gnu").out()).isNotEqualTo(trial);
    }

    @Test
    void aRandomSeedIsPrintedSoTheRunCanBeRepeated() {
        Cli.Result first = Cli.args("run", "--count", "50", "--format", "gnu");
        String seed = first.err().lines().filter(l -> l.startsWith("Seed: ")).findFirst().orElseThrow().split(" ")[1];
        assertThat(Cli.args("run", "--count", "50", "--format", "gnu", "--seed", seed).out()).isEqualTo(first.out());
    }

    @Test
    void quietPrintsNoResultsAndJsonPrintsLines() {
        assertThat(Cli.args("run", "--seed", "1", "--count", "100", "--quiet").out()).isEmpty();
        assertThat(Cli.args("run", "--seed", "1", "--count", "3", "--format", "json").out().lines())
                .hasSize(3).allMatch(l -> l.startsWith("{\"v\":1,\"number\":\""));
    }

    @Test
    void coversTheWhole64BitRangeWithAuto() {
        Cli.Result r = Cli.args("run", "--seed", "3", "--count", "300", "--min", "9223372036854775808",
                "--max", "18446744073709551615", "--algorithm", "auto", "--format", "gnu");
        assertThat(r.status()).isZero();
        for (String line : r.out().lines().toList()) {
            String[] parts = line.split(":? ");
            BigInteger n = new BigInteger(parts[0]);
            assertThat(n.bitLength()).isEqualTo(64);
            BigInteger product = BigInteger.ONE;
            for (int i = 1; i < parts.length; i++) {
                product = product.multiply(new BigInteger(parts[i]));
            }
            assertThat(product).isEqualTo(n);
        }
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        for (String[] args : new String[][] {
            {"run", "--count", "x"}, {"run", "--min", "-1"}, {"run", "--algorithm", "magic"},
            {"run", "--format", "xml"}, {"run", "--min", "10", "--max", "5"}, {"run", "--count", "-3"},
            {"run", "--bogus"}, {"bogus-command"}}) {
            Cli.Result r = Cli.args(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).startsWith("factorlab: ");
        }
    }

    @Test
    void topLevelHelpListsCommandsWithExamples() {
        Cli.Result r = Cli.args("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("factor", "run", "Examples:");
        assertThat(Cli.args("run", "--help").out()).contains("--seed", "--algorithm", "--format", "Examples:");
    }
}
