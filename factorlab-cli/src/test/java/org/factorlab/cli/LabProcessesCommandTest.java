package org.factorlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class LabProcessesCommandTest {
    private static final String[] SMALL = {"lab", "processes", "--thread-starts", "10", "--jvm-starts", "1",
        "--round-trips", "50", "--large", "2", "--count", "30000"};

    private static String[] with(String... extra) {
        String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + extra.length);
        System.arraycopy(extra, 0, args, SMALL.length, extra.length);
        return args;
    }

    @Test
    @Timeout(60)
    void printsTheParagraphTheTablesAndTheConclusion() {
        Cli.Result r = Cli.args(SMALL);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("== lab processes ==\n").contains("Start-up cost", "IPC round trips",
                "Crash isolation", "\nConclusion:\n", "Cheapest to start");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    @Timeout(60)
    void printsJsonWithJson() {
        Cli.Result r = Cli.args(with("--json"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"v\":1,\"experiment\":\"processes\"").contains("\"crash\":{");
    }

    @Test
    void rejectsBadOptions() {
        assertThat(Cli.args("lab", "processes", "--round-trips", "0").status()).isEqualTo(2);
        assertThat(Cli.args("lab", "processes", "--count", "x").status()).isEqualTo(2);
    }
}
