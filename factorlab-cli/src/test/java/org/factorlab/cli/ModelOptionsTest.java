package org.factorlab.cli;

import org.factorlab.engine.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** --model, --workers, --chunk and --unordered on the run and factor commands. */
class ModelOptionsTest {

    static Stream<String> models() {
        return ModelRegistry.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @Timeout(120)
    void everyModelPrintsTheSequentialBytes(String model) {
        String[] base = {"run", "--seed", "2026", "--count", "3000", "--algorithm", "trial", "--format", "gnu"};
        String expected = Cli.args(base).out();
        Cli.Result r = Cli.args(concat(base, "--model", model, "--workers", "3"));
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(expected);
        String workers = model.equals("sequential") ? "workers=1" : "workers=3"; // one loop is one worker
        assertThat(r.err()).contains("model=" + model, workers, "Execution Time: ", "utilisation=");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @Timeout(120)
    void factorGivesTheSameBytesWithEveryModel(String model) {
        StringBuilder input = new StringBuilder();
        // the 4,000 numbers just below 2^64 - 1000: hard 64-bit work, and unsigned values above 2^63
        for (long n = -5000L; n < -1000L; n++) {
            input.append(Long.toUnsignedString(n)).append('\n');
        }
        input.append("abc\n36893488147419103232\n");
        Cli.Result sequential = Cli.run(input.toString(), "factor");
        Cli.Result r = Cli.run(input.toString(), "factor", "--model", model, "-j", "2", "--chunk", "64");
        assertThat(r.out()).isEqualTo(sequential.out());
        assertThat(r.err()).isEqualTo("factorlab: 'abc' is not a valid positive integer\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void unorderedPrintsTheSameLinesInSomeOrder() {
        String[] base = {"run", "--seed", "8", "--count", "4000", "--format", "gnu", "--algorithm", "auto"};
        String ordered = Cli.args(base).out();
        String unordered = Cli.args(concat(base, "--model", "threads", "-j", "3", "--chunk", "10", "--unordered")).out();
        assertThat(unordered.lines().sorted().toList()).isEqualTo(ordered.lines().sorted().toList());
    }

    @Test
    void badModelSettingsAreUsageErrors() {
        for (String[] args : new String[][] {
            {"run", "--model", "nope"}, {"run", "--workers", "0"}, {"run", "-j", "x"}, {"run", "--chunk", "0"},
            {"run", "--task-timeout", "-1"}, {"run", "--switch-interval", "0"}, {"factor", "--model", "nope", "5"}}) {
            Cli.Result r = Cli.args(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
        assertThat(Cli.args("run", "--model", "nope").err()).contains("'nope' is not a model", "sequential");
    }

    @Test
    void helpNamesEveryRegisteredModel() {
        String help = Cli.args("run", "--help").out();
        assertThat(help).contains("--model", "--workers", "--chunk", "--unordered", "--task-timeout", "--on-loop");
        for (String model : ModelRegistry.names()) {
            assertThat(help).contains(model);
        }
    }

    @Test
    void gilSummaryShowsHandOffs() {
        Cli.Result r = Cli.args("run", "--seed", "1", "--count", "20000", "--quiet", "--model", "gil", "-j", "2");
        assertThat(r.err()).contains("model=gil", "handoffs=", "handoffs_per_s=", "longest_wait=");
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
