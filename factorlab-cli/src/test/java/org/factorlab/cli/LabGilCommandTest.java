package org.factorlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class LabGilCommandTest {
    @Test
    @Timeout(60)
    void printsTheParagraphTheTableAndTheConclusion() {
        Cli.Result r = Cli.args("lab", "gil", "--threads", "1,2", "--count", "2000");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("== lab gil ==\n").contains("trial division", "Throughput",
                "threads numbers/s", "gil numbers/s", "processes numbers/s", "\nConclusion:\n", "With 2 threads");
    }

    @Test
    @Timeout(60)
    void printsJsonWithJson() {
        Cli.Result r = Cli.args("lab", "gil", "--threads", "1,2", "--count", "2000", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"v\":1,\"experiment\":\"gil\"").contains("\"numbers_per_s\":");
    }

    @Test
    void rejectsBadOptions() {
        assertThat(Cli.args("lab", "gil", "--threads", "0").status()).isEqualTo(2);
        assertThat(Cli.args("lab", "gil", "--count", "-5").status()).isEqualTo(2);
        assertThat(Cli.args("lab", "gil", "--threads", "two").status()).isEqualTo(2);
    }
}
