package org.factorlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class LabIoCommandTest {
    @Test
    @Timeout(60)
    void printsParagraphTablesAndConclusions() {
        Cli.Result r = Cli.args("lab", "io", "--latency", "5", "--tasks", "200");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("== lab io ==\n").contains("I/O-bound tasks mostly wait")
                .contains("on virtual threads").contains("on 1 event loop").contains("CPU-bound").contains("\nConclusion:\n");
    }

    @Test
    @Timeout(60)
    void jsonStartsWithVersionAndExperiment() {
        Cli.Result r = Cli.args("lab", "io", "--latency", "5", "--tasks", "100", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"v\":1,\"experiment\":\"io\"").contains("\"per_task_ms\":");
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(Cli.args("lab", "io", "--latency", "-1").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(Cli.args("lab", "io", "--tasks", "abc").status()).isEqualTo(ExitStatus.USAGE);
        Cli.Result r = Cli.args("lab", "io", "--tasks", "3");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).contains("--tasks");
    }
}
