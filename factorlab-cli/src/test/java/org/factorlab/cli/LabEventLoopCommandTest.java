package org.factorlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LabEventLoopCommandTest {
    @Test
    @Timeout(60)
    void printsParagraphTablesAndConclusionsAndKeepsTheOutbox(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox");
        Cli.Result r = Cli.args("lab", "eventloop", "--applications", "20", "--events", "2", "--work", "50",
                "--outbox", outbox.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("== lab eventloop ==\n").contains("Event-driven programming")
                .contains("Part 1").contains("Part 2").contains("\nConclusion:\n");
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.count()).isEqualTo(20);
        }
    }

    @Test
    @Timeout(60)
    void jsonStartsWithVersionAndExperiment() {
        Cli.Result r = Cli.args("lab", "eventloop", "--applications", "10", "--events", "1", "--work", "20", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"v\":1,\"experiment\":\"eventloop\"").contains("\"lag_max_ms\":");
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(Cli.args("lab", "eventloop", "--applications", "0").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(Cli.args("lab", "eventloop", "--work", "x").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(Cli.args("lab", "eventloop", "--nope").status()).isEqualTo(ExitStatus.USAGE);
    }
}
