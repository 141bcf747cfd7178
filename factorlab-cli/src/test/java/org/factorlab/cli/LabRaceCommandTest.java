package org.factorlab.cli;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LabRaceCommandTest {

    @Test
    void printsTheParagraphBothTablesAndConclusions() {
        Cli.Result r = Cli.args("lab", "race", "--threads", "2", "--increments", "20000");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("== lab race ==\nStarts 2 threads together")
                .containsPattern("variant +expected +actual +lost +lost % +time ms +ns/increment")
                .contains("40,000", "LongAdder", "ConcurrentHashMap.computeIfAbsent",
                        "Conclusion:", "Of the correct variants");
    }

    @Test
    void jsonIsOneObjectWithEveryCounter() {
        Cli.Result r = Cli.args("lab", "race", "--threads", "2", "--increments", "1000", "--json");
        assertThat(r.status()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{\"v\":1,\"experiment\":\"race\"").endsWith("}")
                .contains("\"threads\":2", "\"increments\":1000", "\"variant\":\"AtomicLong\"", "\"checkThenAct\":[");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
        assertThat(json.chars().filter(c -> c == '[').count()).isEqualTo(json.chars().filter(c -> c == ']').count());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        for (String[] args : new String[][]{{"--threads", "0"}, {"--threads", "65"}, {"--increments", "0"},
            {"--increments", "x"}, {"--increments", "50000001"}, {"--threads", "64", "--increments", "2000000"}}) {
            Cli.Result r = Cli.args(Stream.concat(Stream.of("lab", "race"), Arrays.stream(args)).toArray(String[]::new));
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains(args[args.length - 2]);
        }
    }
}
