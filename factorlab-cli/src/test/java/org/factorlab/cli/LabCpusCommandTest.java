package org.factorlab.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabCpusCommandTest {

    @Test
    void printsTheParagraphTheTableAndAConclusion() {
        Cli.Result r = Cli.args("lab", "cpus");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("== lab cpus ==\nReads how many processors")
                .contains("Processors and memory", "JVM available processors", "Conclusion:", "- The JVM sees "
                        + Runtime.getRuntime().availableProcessors() + " processor");
    }

    @Test
    void jsonIsOneObjectWithTheRawNumbers() {
        Cli.Result r = Cli.args("lab", "cpus", "--json");
        assertThat(r.status()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{\"v\":1,\"experiment\":\"cpus\"").endsWith("}")
                .contains("\"availableProcessors\":" + Runtime.getRuntime().availableProcessors(), "\"conclusions\":[\"");
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = Cli.args("lab", "cpus", "--threads", "2");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }
}
