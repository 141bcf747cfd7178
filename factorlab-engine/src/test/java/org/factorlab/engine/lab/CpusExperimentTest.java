package org.factorlab.engine.lab;

import org.factorlab.engine.lab.CpusExperiment.CgroupLimits;
import org.factorlab.engine.lab.CpusExperiment.Measurements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CpusExperimentTest {

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void readsCgroupV2QuotaAndMemoryLimit(@TempDir Path root) throws IOException {
        write(root.resolve("cpu.max"), "150000 100000\n");
        write(root.resolve("memory.max"), "536870912\n");
        CgroupLimits c = CpusExperiment.readCgroup(root).orElseThrow();
        assertThat(c.version()).isEqualTo(2);
        assertThat(c.quotaMicros()).hasValue(150_000);
        assertThat(c.periodMicros()).isEqualTo(100_000);
        assertThat(c.cpus()).contains(1.5);
        assertThat(c.memoryLimit()).hasValue(536_870_912L);
    }

    @Test
    void readsCgroupV2MaxAsUnlimited(@TempDir Path root) throws IOException {
        write(root.resolve("cpu.max"), "max 100000\n");
        write(root.resolve("memory.max"), "max\n");
        CgroupLimits c = CpusExperiment.readCgroup(root).orElseThrow();
        assertThat(c.quotaMicros()).isEmpty();
        assertThat(c.cpus()).isEmpty();
        assertThat(c.memoryLimit()).isEmpty();
    }

    @Test
    void readsCgroupV1QuotaAndMemoryLimit(@TempDir Path root) throws IOException {
        write(root.resolve("cpu/cpu.cfs_quota_us"), "200000\n");
        write(root.resolve("cpu/cpu.cfs_period_us"), "100000\n");
        write(root.resolve("memory/memory.limit_in_bytes"), "1073741824\n");
        CgroupLimits c = CpusExperiment.readCgroup(root).orElseThrow();
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.cpus()).contains(2.0);
        assertThat(c.memoryLimit()).hasValue(1L << 30);
    }

    @Test
    void readsCgroupV1MinusOneAndHugeLimitAsUnlimited(@TempDir Path root) throws IOException {
        write(root.resolve("cpu/cpu.cfs_quota_us"), "-1\n");
        write(root.resolve("cpu/cpu.cfs_period_us"), "100000\n");
        write(root.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
        CgroupLimits c = CpusExperiment.readCgroup(root).orElseThrow();
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.cpus()).isEmpty();
        assertThat(c.memoryLimit()).isEmpty();
    }

    @Test
    void noCgroupFilesMeansNoLimits(@TempDir Path root) {
        assertThat(CpusExperiment.readCgroup(root)).isEmpty();
    }

    @Test
    void countsTheAffinityListAndFindsTheFlag(@TempDir Path root) throws IOException {
        write(root.resolve("status"), "Name:\tjava\nCpus_allowed:\tff\nCpus_allowed_list:\t0-3,8,10-11\n");
        assertThat(CpusExperiment.affinity(root.resolve("status"))).hasValue(7);
        assertThat(CpusExperiment.affinity(root.resolve("missing"))).isEmpty();
        assertThat(CpusExperiment.activeProcessorCount(List.of("-Xmx1g", "-XX:ActiveProcessorCount=3"))).hasValue(3);
        assertThat(CpusExperiment.activeProcessorCount(List.of("-Xmx1g"))).isEmpty();
    }

    private static Measurements machine(int processors, long quota, long memoryLimit) {
        CgroupLimits c = new CgroupLimits(2, quota > 0 ? OptionalLong.of(quota) : OptionalLong.empty(), 100_000,
                memoryLimit > 0 ? OptionalLong.of(memoryLimit) : OptionalLong.empty());
        return new Measurements(processors, OptionalInt.of(processors), Optional.of(c), OptionalInt.empty(),
                OptionalLong.of(16L << 30), 1L << 30);
    }

    @Test
    void theConclusionFollowsTheQuota() {
        List<String> limited = CpusExperiment.conclusions(machine(8, 150_000, 0));
        assertThat(limited.get(0)).isEqualTo("The JVM sees 8 processors; the container allows 1.5 CPUs"
                + " (cgroup v2 quota 150000/100000), so a pool of 2 threads is the most that can run at once.");
        assertThat(limited).anyMatch(s -> s.contains("overstates") && s.contains("6 more thread"));

        List<String> swapped = CpusExperiment.conclusions(machine(2, 800_000, 0));
        assertThat(swapped.get(0)).isEqualTo("The JVM sees 2 processors; the container allows 8 CPUs"
                + " (cgroup v2 quota 800000/100000), so a pool of 2 threads is the most that can run at once.");
        assertThat(swapped).noneMatch(s -> s.contains("overstates"));

        assertThat(CpusExperiment.conclusions(machine(4, 0, 0)).get(0)).contains("no CPU quota", "pool of 4 threads");
    }

    @Test
    void theMemoryConclusionComparesTheHeapWithTheLimit() {
        assertThat(CpusExperiment.conclusions(machine(2, 0, 4L << 30)))
                .anyMatch(s -> s.equals("The maximum heap is 1,024 MiB, 25% of the container's 4,096 MiB memory limit."));
        assertThat(CpusExperiment.conclusions(machine(2, 0, 0)))
                .anyMatch(s -> s.contains("No cgroup memory limit") && s.contains("6% of the machine's 16,384 MiB"));
    }

    @Test
    void theFlagIsReportedWhenSet() {
        Measurements m = machine(2, 0, 0);
        Measurements flagged = new Measurements(1, m.affinityCpus(), m.cgroup(), OptionalInt.of(1), m.machineMemory(),
                m.maxHeap());
        assertThat(CpusExperiment.conclusions(flagged)).anyMatch(s -> s.startsWith("-XX:ActiveProcessorCount=1 overrides"));
        assertThat(CpusExperiment.conclusions(m)).anyMatch(s -> s.startsWith("No -XX:ActiveProcessorCount"));
    }

    @Test
    void runMeasuresThisJvm() {
        LabResult r = CpusExperiment.run();
        assertThat(r.experiment()).isEqualTo("cpus");
        assertThat(r.data()).containsEntry("availableProcessors", Runtime.getRuntime().availableProcessors());
        assertThat(r.conclusions()).isNotEmpty();
    }
}
