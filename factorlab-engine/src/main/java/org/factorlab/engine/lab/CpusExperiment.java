package org.factorlab.engine.lab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code lab cpus}: how many processors this JVM may really use, and how much memory.
 *
 * <p>Four sources can disagree: the JVM's {@link Runtime#availableProcessors()}, the CPU affinity
 * mask ({@code Cpus_allowed_list} in {@code /proc/self/status}), the container's CPU quota (cgroup
 * v2 {@code cpu.max}, or cgroup v1 {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}) and the
 * {@code -XX:ActiveProcessorCount} flag, which overrides the JVM's own detection. The same goes for
 * memory: the machine's total, the cgroup limit ({@code memory.max} or {@code memory.limit_in_bytes})
 * and the JVM's maximum heap. Every file is read from a root directory passed in, so tests can
 * point the parser at sample trees. Nothing is started; nothing needs cleaning up.
 */
public final class CpusExperiment {
    /** cgroup v1 writes "no limit" as a page-rounded {@code Long.MAX_VALUE}; anything this large is none. */
    private static final long V1_UNLIMITED = 1L << 60;
    private static final double MIB = 1024.0 * 1024.0;

    private CpusExperiment() {
    }

    /**
     * The limits the cgroup puts on this process.
     *
     * @param version     1 or 2
     * @param quotaMicros CPU time allowed per period, in microseconds; empty if unlimited
     * @param periodMicros the period, in microseconds
     * @param memoryLimit bytes; empty if unlimited or unreadable
     */
    public record CgroupLimits(int version, OptionalLong quotaMicros, long periodMicros, OptionalLong memoryLimit) {
        /** The quota in CPUs (quota / period), if there is one. */
        public Optional<Double> cpus() {
            return quotaMicros.isPresent() && periodMicros > 0
                    ? Optional.of((double) quotaMicros.getAsLong() / periodMicros) : Optional.empty();
        }
    }

    /**
     * What {@code lab cpus} measured.
     *
     * @param availableProcessors  {@link Runtime#availableProcessors()}
     * @param affinityCpus         CPUs in the affinity mask, if known
     * @param cgroup               the cgroup limits, if a cgroup file system was found
     * @param activeProcessorCount the {@code -XX:ActiveProcessorCount} flag, if set
     * @param machineMemory        total memory of the machine in bytes, if known
     * @param maxHeap              {@link Runtime#maxMemory()}
     */
    public record Measurements(int availableProcessors, OptionalInt affinityCpus, Optional<CgroupLimits> cgroup,
                               OptionalInt activeProcessorCount, OptionalLong machineMemory, long maxHeap) {
    }

    /** Measures this JVM and renders the result. */
    public static LabResult run() {
        Measurements m = measure(Path.of("/"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        return result(m);
    }

    /** Reads everything below {@code root} (normally "/") and from {@code jvmArguments}. */
    public static Measurements measure(Path root, List<String> jvmArguments) {
        return new Measurements(Runtime.getRuntime().availableProcessors(),
                affinity(root.resolve("proc/self/status")),
                readCgroup(root.resolve("sys/fs/cgroup")),
                activeProcessorCount(jvmArguments),
                machineMemory(root.resolve("proc/meminfo")),
                Runtime.getRuntime().maxMemory());
    }

    /** Reads cgroup v2 ({@code cpu.max} at the root) or else cgroup v1 ({@code cpu/}, {@code memory/}). */
    public static Optional<CgroupLimits> readCgroup(Path cgroupRoot) {
        Optional<String> cpuMax = read(cgroupRoot.resolve("cpu.max"));
        if (cpuMax.isPresent()) {
            String[] parts = cpuMax.get().trim().split("\\s+");
            OptionalLong quota = parts[0].equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parts[0]));
            long period = parts.length > 1 ? Long.parseLong(parts[1]) : 100_000;
            OptionalLong memory = read(cgroupRoot.resolve("memory.max")).map(String::trim)
                    .filter(s -> !s.equals("max")).map(s -> OptionalLong.of(Long.parseLong(s))).orElse(OptionalLong.empty());
            return Optional.of(new CgroupLimits(2, quota, period, memory));
        }
        Optional<String> v1Quota = read(cgroupRoot.resolve("cpu/cpu.cfs_quota_us"));
        Optional<String> v1Memory = read(cgroupRoot.resolve("memory/memory.limit_in_bytes"));
        if (v1Quota.isEmpty() && v1Memory.isEmpty()) {
            return Optional.empty();
        }
        long quotaValue = v1Quota.map(s -> Long.parseLong(s.trim())).orElse(-1L);
        long period = read(cgroupRoot.resolve("cpu/cpu.cfs_period_us")).map(s -> Long.parseLong(s.trim())).orElse(100_000L);
        long memoryValue = v1Memory.map(s -> Long.parseLong(s.trim())).orElse(-1L);
        return Optional.of(new CgroupLimits(1,
                quotaValue > 0 ? OptionalLong.of(quotaValue) : OptionalLong.empty(), period,
                memoryValue > 0 && memoryValue < V1_UNLIMITED ? OptionalLong.of(memoryValue) : OptionalLong.empty()));
    }

    /** Counts the CPUs in {@code Cpus_allowed_list} ("0-3,8,10-11" is 7). */
    public static OptionalInt affinity(Path procStatus) {
        return read(procStatus).flatMap(text -> text.lines().filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst())
                .map(l -> OptionalInt.of(countCpuList(l.substring(l.indexOf(':') + 1).trim())))
                .orElse(OptionalInt.empty());
    }

    static int countCpuList(String list) {
        int count = 0;
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            count += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        }
        return count;
    }

    /** The value of {@code -XX:ActiveProcessorCount=N} among the JVM's arguments, if set. */
    public static OptionalInt activeProcessorCount(List<String> jvmArguments) {
        OptionalInt found = OptionalInt.empty();
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:ActiveProcessorCount=")) {
                found = OptionalInt.of(Integer.parseInt(a.substring(a.indexOf('=') + 1).trim()));
            }
        }
        return found;
    }

    static OptionalLong machineMemory(Path meminfo) {
        return read(meminfo).flatMap(text -> text.lines().filter(l -> l.startsWith("MemTotal:")).findFirst())
                .map(l -> OptionalLong.of(Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024))
                .orElse(OptionalLong.empty());
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The most threads that can run at once: the smallest of the JVM's count, the affinity mask and
     * the quota rounded up (a quota of 1.5 CPUs lets 2 threads run, each part of the time).
     */
    public static int usableCpus(Measurements m) {
        int usable = m.availableProcessors();
        if (m.affinityCpus().isPresent()) {
            usable = Math.min(usable, m.affinityCpus().getAsInt());
        }
        Optional<Double> quota = m.cgroup().flatMap(CgroupLimits::cpus);
        if (quota.isPresent()) {
            usable = Math.min(usable, (int) Math.max(1, Math.ceil(quota.get())));
        }
        return usable;
    }

    /** The conclusions, computed from the measurements only. */
    public static List<String> conclusions(Measurements m) {
        List<String> out = new ArrayList<>();
        int usable = usableCpus(m);
        Optional<Double> quota = m.cgroup().flatMap(CgroupLimits::cpus);
        StringBuilder cpu = new StringBuilder("The JVM sees " + plural(m.availableProcessors(), "processor"));
        if (quota.isPresent()) {
            CgroupLimits c = m.cgroup().get();
            cpu.append("; the container allows ").append(number(quota.get())).append(" CPUs (cgroup v")
                    .append(c.version()).append(" quota ").append(c.quotaMicros().getAsLong()).append('/')
                    .append(c.periodMicros()).append(')');
        } else if (m.cgroup().isPresent()) {
            cpu.append("; the container sets no CPU quota (cgroup v").append(m.cgroup().get().version()).append(')');
        } else {
            cpu.append("; no cgroup CPU limits were found");
        }
        if (m.affinityCpus().isPresent() && m.affinityCpus().getAsInt() < m.availableProcessors()) {
            cpu.append(" and the affinity mask allows ").append(m.affinityCpus().getAsInt());
        }
        cpu.append(", so a pool of ").append(plural(usable, "thread")).append(" is the most that can run at once.");
        out.add(cpu.toString());
        if (usable < m.availableProcessors()) {
            out.add("availableProcessors() (" + m.availableProcessors() + ") overstates what can run: pools sized from it"
                    + " will have " + (m.availableProcessors() - usable) + " more thread(s) than CPUs and be throttled.");
        }
        if (m.activeProcessorCount().isPresent()) {
            out.add("-XX:ActiveProcessorCount=" + m.activeProcessorCount().getAsInt()
                    + " overrides the JVM's detection: it reports that number whatever the container allows.");
        } else {
            out.add("No -XX:ActiveProcessorCount is set, so the JVM derives " + m.availableProcessors()
                    + " from the machine, the affinity mask and the quota; that is its cpu_count().");
        }
        OptionalLong limit = m.cgroup().map(CgroupLimits::memoryLimit).orElse(OptionalLong.empty());
        if (limit.isPresent()) {
            out.add(String.format(Locale.ROOT, "The maximum heap is %s MiB, %.0f%% of the container's %s MiB memory limit.",
                    mib(m.maxHeap()), 100.0 * m.maxHeap() / limit.getAsLong(), mib(limit.getAsLong())));
        } else if (m.machineMemory().isPresent()) {
            out.add(String.format(Locale.ROOT, "No cgroup memory limit is set; the maximum heap is %s MiB, %.0f%% of the"
                    + " machine's %s MiB.", mib(m.maxHeap()), 100.0 * m.maxHeap() / m.machineMemory().getAsLong(),
                    mib(m.machineMemory().getAsLong())));
        }
        return out;
    }

    static LabResult result(Measurements m) {
        String description = "Reads how many processors this JVM may use and how much memory, from every source that"
                + " can limit them: Runtime.availableProcessors(), the CPU affinity mask (/proc/self/status), the"
                + " container's cgroup CPU quota and memory limit (cgroup v2 cpu.max and memory.max, or v1"
                + " cpu.cfs_quota_us, cpu.cfs_period_us and memory.limit_in_bytes), the -XX:ActiveProcessorCount flag,"
                + " the machine's memory and the JVM's maximum heap. A thread pool larger than the smallest of these"
                + " only adds waiting.";
        Optional<CgroupLimits> c = m.cgroup();
        String cg = c.map(l -> "cgroup v" + l.version()).orElse("cgroup");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("JVM available processors", String.valueOf(m.availableProcessors()), "Runtime.availableProcessors()"));
        rows.add(List.of("CPU affinity", m.affinityCpus().isPresent() ? String.valueOf(m.affinityCpus().getAsInt()) : "unknown",
                "/proc/self/status Cpus_allowed_list"));
        rows.add(List.of("CPU quota", c.isEmpty() ? "not found" : c.get().cpus().map(q -> number(q) + " CPUs (" + c.get()
                .quotaMicros().getAsLong() + "/" + c.get().periodMicros() + ")").orElse("unlimited"),
                c.map(l -> l.version() == 2 ? "cgroup v2 cpu.max" : "cgroup v1 cpu.cfs_quota_us/cfs_period_us").orElse(cg)));
        rows.add(List.of("-XX:ActiveProcessorCount", m.activeProcessorCount().isPresent()
                ? String.valueOf(m.activeProcessorCount().getAsInt()) : "not set", "JVM input arguments"));
        rows.add(List.of("usable CPUs (cpu_count)", String.valueOf(usableCpus(m)), "smallest of the above, quota rounded up"));
        OptionalLong limit = c.map(CgroupLimits::memoryLimit).orElse(OptionalLong.empty());
        rows.add(List.of("memory limit", c.isEmpty() ? "not found" : limit.isPresent() ? mib(limit.getAsLong()) + " MiB" : "unlimited",
                c.map(l -> l.version() == 2 ? "cgroup v2 memory.max" : "cgroup v1 memory.limit_in_bytes").orElse(cg)));
        rows.add(List.of("machine memory", m.machineMemory().isPresent() ? mib(m.machineMemory().getAsLong()) + " MiB" : "unknown",
                "/proc/meminfo MemTotal"));
        rows.add(List.of("JVM max heap", mib(m.maxHeap()) + " MiB", "Runtime.maxMemory()"));
        LabTable table = new LabTable("Processors and memory", List.of("what", "value", "source"), rows);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("availableProcessors", m.availableProcessors());
        data.put("affinityCpus", m.affinityCpus().isPresent() ? m.affinityCpus().getAsInt() : null);
        data.put("cgroupVersion", c.map(CgroupLimits::version).orElse(null));
        data.put("cpuQuotaMicros", c.isPresent() && c.get().quotaMicros().isPresent() ? c.get().quotaMicros().getAsLong() : null);
        data.put("cpuPeriodMicros", c.map(CgroupLimits::periodMicros).orElse(null));
        data.put("cpuQuota", c.flatMap(CgroupLimits::cpus).orElse(null));
        data.put("activeProcessorCount", m.activeProcessorCount().isPresent() ? m.activeProcessorCount().getAsInt() : null);
        data.put("usableCpus", usableCpus(m));
        data.put("memoryLimitBytes", limit.isPresent() ? limit.getAsLong() : null);
        data.put("machineMemoryBytes", m.machineMemory().isPresent() ? m.machineMemory().getAsLong() : null);
        data.put("maxHeapBytes", m.maxHeap());
        return new LabResult("cpus", description, List.of(table), conclusions(m), data);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0$", "");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f", bytes / MIB);
    }
}
