package org.factorlab.cli;

import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenCommandTest {

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        for (String[] kind : new String[][] {{}, {"--bits", "64"}, {"--bits", "300"}, {"--semiprimes", "64"},
            {"--semiprimes", "100"}, {"--min", "0", "--max", "18446744073709551615"}}) {
            Cli.Result a = gen(kind, "--seed", "9", "--count", "500");
            Cli.Result b = gen(kind, "--seed", "9", "--count", "500");
            assertThat(a.status()).isZero();
            assertThat(a.out().lines()).hasSize(500);
            assertThat(b.out()).isEqualTo(a.out());
            assertThat(gen(kind, "--seed", "10", "--count", "500").out()).isNotEqualTo(a.out());
            assertThat(a.err()).isEqualTo("Seed: 9 (repeat with --seed 9)\n");
        }
    }

    @Test
    void aRandomSeedIsPrintedSoTheOutputCanBeMadeAgain() {
        Cli.Result first = Cli.args("gen", "--count", "50", "--bits", "80");
        String seed = first.err().strip().split(" ")[1];
        assertThat(Cli.args("gen", "--count", "50", "--bits", "80", "--seed", seed).out()).isEqualTo(first.out());
    }

    @Test
    void bits64GivesNumbersOfExactly64Bits() {
        List<String> lines = Cli.args("gen", "--count", "2000", "--bits", "64", "--seed", "1").out().lines().toList();
        assertThat(lines).hasSize(2000).allMatch(l -> l.matches("[1-9][0-9]*"));
        assertThat(lines).allMatch(l -> new BigInteger(l).bitLength() == 64);
        assertThat(lines).doesNotHaveDuplicates();
    }

    @Test
    void semiprimes64AreProductsOfTwo32BitPrimes() {
        List<String> lines = Cli.args("gen", "--count", "300", "--semiprimes", "64", "--seed", "3").out().lines().toList();
        assertThat(lines).hasSize(300);
        for (String line : lines) {
            Factorization f = Algorithm.AUTO.factorizer().factor(new BigInteger(line));
            assertThat(f.factors()).as(line).hasSize(2)
                    .allMatch(p -> p.bitLength() == 32 && p.isProbablePrime(64));
            assertThat(f.productMatches()).isTrue();
        }
    }

    @Test
    void theDefaultRangeGivesTheNumbersRunFactors() {
        List<String> generated = Cli.args("gen", "--seed", "5", "--count", "100").out().lines().toList();
        List<String> factored = Cli.args("run", "--seed", "5", "--count", "100", "--format", "gnu").out().lines()
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertThat(generated).hasSize(100).isEqualTo(factored);
        assertThat(generated).allMatch(l -> Long.parseLong(l) >= 20_000 && Long.parseLong(l) <= 100_000_000);
    }

    @Test
    void minAndMaxBoundTheNumbers() {
        List<String> lines = Cli.args("gen", "--seed", "1", "--count", "1000", "--min", "18446744073709551610",
                "--max", "18446744073709551615").out().lines().toList();
        assertThat(lines).hasSize(1000)
                .allMatch(l -> l.matches("184467440737095516(1[0-5])"));
    }

    @Test
    void outputGoesToTheFileGivenWithO(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("in.txt");
        Cli.Result r = Cli.args("gen", "--seed", "4", "--count", "1000", "--bits", "40", "-o", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(Cli.args("gen", "--seed", "4", "--count", "1000", "--bits", "40").out());
        Cli.Result again = Cli.args("gen", "--seed", "4", "--count", "3", "--output", file.toString());
        assertThat(Files.readAllLines(file)).hasSize(3); // replaced, not appended
        assertThat(again.status()).isZero();
    }

    @Test
    void anUnwritableOutputIsOneLineAndStatus1(@TempDir Path dir) {
        Cli.Result r = Cli.args("gen", "--count", "3", "-o", dir.resolve("no/such/dir/x.txt").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith("factorlab: "))).singleElement().asString()
                .contains("cannot write", "x.txt");
    }

    @Test
    void countZeroWritesNothing() {
        Cli.Result r = Cli.args("gen", "--count", "0", "--semiprimes", "64");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void usageErrorsExit2OnOneLine() {
        for (String[] args : new String[][] {
            {"gen", "--count", "-1"}, {"gen", "--count", "x"}, {"gen", "--bits", "0"}, {"gen", "--bits", "4097"},
            {"gen", "--semiprimes", "3"}, {"gen", "--semiprimes", "4097"}, {"gen", "--bits", "64", "--semiprimes", "64"},
            {"gen", "--bits", "64", "--min", "5"}, {"gen", "--semiprimes", "64", "--max", "5"},
            {"gen", "--min", "10", "--max", "5"}, {"gen", "--min", "-1"}, {"gen", "--bogus"}, {"gen", "extra"}}) {
            Cli.Result r = Cli.args(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("factorlab: ").contains("gen --help");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void helpShowsTheBenchmarkExamples() {
        Cli.Result r = Cli.args("gen", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--semiprimes", "--bits", "gen --count 2000 --semiprimes 64", "seq ");
    }

    private static Cli.Result gen(String[] kind, String... more) {
        String[] args = new String[1 + kind.length + more.length];
        args[0] = "gen";
        System.arraycopy(kind, 0, args, 1, kind.length);
        System.arraycopy(more, 0, args, 1 + kind.length, more.length);
        return Cli.args(args);
    }
}
