package org.factorlab.vertx.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopExperimentTest {
    @Test
    @Timeout(30)
    void everyApplicationIsRegisteredAndConfirmedInTheOutbox(@TempDir Path outbox) throws Exception {
        EventLoopExperiment.Applications a = EventLoopExperiment.submitApplications(150, outbox);
        assertThat(a.registered()).isEqualTo(150);
        assertThat(a.confirmations()).isEqualTo(150);
        assertThat(Files.readString(outbox.resolve("confirmation-149.eml"))).contains("application #149");
        assertThat(a.maxLatencyMillis()).isGreaterThan(0);
    }

    @Test
    @Timeout(30)
    void computingOnTheLoopDelaysTheHeartbeatMoreThanOffloading() throws Exception {
        // 3 events of 150 ms back to back on the loop hold every timer for about 450 ms
        EventLoopExperiment.Heartbeat onLoop = EventLoopExperiment.heartbeat(true, 3, 150);
        EventLoopExperiment.Heartbeat offloaded = EventLoopExperiment.heartbeat(false, 3, 150);
        assertThat(onLoop.lagMaxMillis()).isGreaterThan(300);
        assertThat(onLoop.lagMaxMillis()).isGreaterThan(offloaded.lagMaxMillis());
    }

    @Test
    void heartbeatConclusionFollowsTheNumbers() {
        var onLoop = new EventLoopExperiment.Heartbeat("on the loop", 5, 4000, 6, 212, 150);
        var offloaded = new EventLoopExperiment.Heartbeat("offloaded (executeBlocking)", 5, 1500, 60, 3, 0.5);
        assertThat(EventLoopExperiment.heartbeatConclusion(onLoop, offloaded))
                .startsWith("Computing on the loop delayed the 10 ms heartbeat by up to 212 ms")
                .contains("offloaded, by up to 3.0 ms").contains("CPU work belongs on a worker");
        assertThat(EventLoopExperiment.heartbeatConclusion(offloaded, onLoop))
                .contains("by up to 3.0 ms").contains("offloading made the heartbeat later");
        assertThat(EventLoopExperiment.heartbeatConclusion(onLoop, onLoop)).contains("about the same");
    }

    @Test
    void applicationsConclusionFollowsTheNumbers() {
        var all = new EventLoopExperiment.Applications(200, 200, 200, 300_000_000L, 12.5, 40);
        assertThat(EventLoopExperiment.applicationsConclusion(all)).startsWith("All 200 applications").contains("within 40.0 ms");
        var some = new EventLoopExperiment.Applications(200, 200, 150, 300_000_000L, 12.5, 40);
        assertThat(EventLoopExperiment.applicationsConclusion(some)).startsWith("Only 200 of 200 applications were registered and 150");
    }
}
