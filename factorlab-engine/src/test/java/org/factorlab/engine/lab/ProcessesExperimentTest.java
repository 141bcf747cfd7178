package org.factorlab.engine.lab;

import org.factorlab.engine.lab.ProcessesExperiment.Crash;
import org.factorlab.engine.lab.ProcessesExperiment.Ipc;
import org.factorlab.engine.lab.ProcessesExperiment.Startup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessesExperimentTest {
    @Test
    @Timeout(90)
    void crashIsolationCompletesWithTheOtherChildrensResultsIntact() throws Exception {
        LabResult r = ProcessesExperiment.run(new ProcessesExperiment.Config(10, 1, 50, 2, 60_000));

        Map<?, ?> crash = (Map<?, ?>) r.data().get("crash");
        assertThat((Long) crash.get("killedPid")).as("a child was killed mid-run").isPositive();
        assertThat(crash.get("count")).isEqualTo(60_000L);
        assertThat(crash.get("failed")).isEqualTo(0L);
        assertThat(crash.get("identical")).isEqualTo(true);
        assertThat((Integer) crash.get("restarts")).isGreaterThanOrEqualTo(1);
        assertThat(crash.get("tasksCompleted")).isEqualTo(5);
        assertThat((String) crash.get("surfaced")).startsWith("IllegalStateException");
        assertThat(crash.get("poolAlive")).isEqualTo(true);
        assertThat(r.tables()).hasSize(3);
        assertThat(r.conclusions()).hasSize(5);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("no child process remains").isEmpty();
    }

    @Test
    void theStartupVerdictFollowsTheNumbers() {
        assertThat(ProcessesExperiment.startupConclusion(new Startup(100, 50, 5, 3, 300_000)))
                .startsWith("Cheapest to start was a virtual thread").contains("a platform thread cost 10x", "a child JVM 60,000x")
                .contains("reuse them");
        assertThat(ProcessesExperiment.startupConclusion(new Startup(100, 5, 300_000, 3, 50)))
                .startsWith("Cheapest to start was a platform thread").contains("a virtual thread 60,000x")
                .doesNotContain("reuse them");
    }

    @Test
    void theIpcVerdictFollowsTheNumbers() {
        Ipc slowTrips = new Ipc(2000, 30, 90, 0.5e6, 64, 5000, 200e6);
        Ipc fastTrips = new Ipc(2000, 1, 2, 200e6, 64, 5000, 0.5e6);
        assertThat(ProcessesExperiment.ipcConclusions(slowTrips, 10))
                .satisfiesExactly(c -> assertThat(c).contains("3.0 numbers", "in chunks"),
                        c -> assertThat(c).contains("400x", "fixed cost per trip"));
        assertThat(ProcessesExperiment.ipcConclusions(fastTrips, 10))
                .satisfiesExactly(c -> assertThat(c).contains("0.1 numbers", "would cost less"),
                        c -> assertThat(c).contains("gained nothing"));
    }

    @Test
    void theCrashVerdictFollowsTheNumbers() {
        Crash intact = new Crash(42, 1000, 0, true, 5000, 1, 1_000_000, 6, 5, "IllegalStateException: x", true);
        Crash lost = new Crash(42, 1000, 300, false, 5000, 3, 1_000_000, 6, 2, null, false);
        assertThat(ProcessesExperiment.crashConclusions(intact))
                .satisfiesExactly(c -> assertThat(c).contains("cost the run nothing", "1 restart)"),
                        c -> assertThat(c).contains("other 5 finished", "only through Future.get"));
        assertThat(ProcessesExperiment.crashConclusions(lost))
                .satisfiesExactly(c -> assertThat(c).contains("300 numbers failed", "differs from"),
                        c -> assertThat(c).contains("2 of the other 5", "refused", "never surfaced"));
    }
}
