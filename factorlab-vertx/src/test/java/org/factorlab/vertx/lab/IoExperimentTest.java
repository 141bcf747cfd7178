package org.factorlab.vertx.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IoExperimentTest {
    private static final long MS = 1_000_000;

    @Test
    @Timeout(30)
    void twoHundredConcurrentWaitsOnVirtualThreadsTakeUnderHalfTheSequentialTime() throws Exception {
        int port;
        try (LatencyServer server = LatencyServer.start(20)) {
            port = server.port();
            IoExperiment.sequential(server.uri(), 10); // warm-up
            TaskRun sequential = IoExperiment.sequential(server.uri(), 200);
            TaskRun virtual = IoExperiment.virtualThreads(server.uri(), 200);
            assertThat(sequential.wallNanos()).isGreaterThanOrEqualTo(200 * 20 * MS);
            assertThat(virtual.wallNanos()).isLessThan(sequential.wallNanos() / 2);
        }
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    @Timeout(30)
    void theEventLoopClientCompletesEveryRequest() throws Exception {
        try (LatencyServer server = LatencyServer.start(5)) {
            TaskRun run = IoExperiment.eventLoop(server.port(), 300);
            assertThat(run.tasks()).isEqualTo(300);
            assertThat(run.wallNanos()).isGreaterThanOrEqualTo(5 * MS);
        }
    }

    @Test
    void ioConclusionsFollowTheNumbers() {
        TaskRun sequential = new TaskRun("sequential", 1, 200, 4_400 * MS);
        TaskRun small = new TaskRun("on 16 platform threads", 16, 2000, 2_750 * MS);
        TaskRun fastVirtual = new TaskRun("on virtual threads", 10_000, 10_000, 500 * MS);
        TaskRun slowLoop = new TaskRun("on 1 event loop", 1, 10_000, 1_000 * MS);
        TaskRun large = new TaskRun("on 200 platform threads", 200, 2000, 220 * MS);

        List<String> c = IoExperiment.ioConclusions(20, sequential, small, large, fastVirtual, slowLoop);
        assertThat(c.get(0)).startsWith("10,000 tasks on virtual threads").contains("440x faster per task than 200 tasks sequential");
        assertThat(c.get(1)).contains("2.2x faster per task than 2,000 tasks on 200 platform threads");
        assertThat(c.get(2)).contains("2.0x slower per task than 10,000 tasks on virtual threads");
        assertThat(c.get(3)).contains("at most 16 / 20 ms = 800 tasks/s").contains("reached 727");

        TaskRun slowVirtual = new TaskRun("on virtual threads", 10_000, 10_000, 2_000 * MS);
        TaskRun fastLoop = new TaskRun("on 1 event loop", 1, 10_000, 500 * MS);
        List<String> swapped = IoExperiment.ioConclusions(20, sequential, small, large, slowVirtual, fastLoop);
        assertThat(swapped.get(1)).contains("1.8x slower per task than 2,000 tasks on 200 platform threads");
        assertThat(swapped.get(2)).contains("4.0x faster per task than 10,000 tasks on virtual threads");
    }

    @Test
    void cpuConclusionsFollowTheNumbers() {
        TaskRun sequential = new TaskRun("sequential", 1, 100, 2_000 * MS);
        TaskRun two = new TaskRun("on 2 platform threads", 2, 100, 1_000 * MS);
        TaskRun many = new TaskRun("on 200 platform threads", 200, 100, 1_050 * MS);
        List<String> c = IoExperiment.cpuConclusions(2, List.of(sequential, two, many));
        assertThat(c.get(0)).contains("fastest was on 2 platform threads, 2.0x").contains("no number of threads can do better than 2x");
        assertThat(c.get(1)).contains("about the same").contains("gained nothing");

        TaskRun manyFaster = new TaskRun("on 200 platform threads", 200, 100, 500 * MS);
        List<String> swapped = IoExperiment.cpuConclusions(2, List.of(sequential, two, manyFaster));
        assertThat(swapped.get(0)).contains("fastest was on 200 platform threads").contains("more than the 2 cores allow");
        assertThat(swapped.get(1)).contains("2.0x faster per task than 2 platform threads").contains("more threads helped");
    }
}
