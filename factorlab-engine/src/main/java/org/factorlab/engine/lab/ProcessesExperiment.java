package org.factorlab.engine.lab;

import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorizer;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelRegistry;
import org.factorlab.engine.process.ProcessPoolModel;
import org.factorlab.engine.run.ChunkSupplier;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.JobSpec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code lab processes}: what a process costs and what it buys, measured. Three parts:
 * <ol>
 *   <li><b>Start-up</b>: start and join N platform threads, N virtual threads, and start child JVMs
 *   ({@link EchoMain}) until their first reply.</li>
 *   <li><b>IPC</b>: round trips of length-prefixed frames through one child's stdin/stdout pipes,
 *   16-byte messages (latency) and 1 MiB messages (throughput).</li>
 *   <li><b>Crash isolation</b>: a {@link ProcessPoolModel} of 3 children factors numbers while one
 *   child is killed with SIGKILL; its output is compared byte for byte with a sequential run. Beside
 *   it, a thread pool task throws: the other tasks and the pool carry on.</li>
 * </ol>
 * Every child is started in a try/finally that kills and reaps it. The conclusions are pure functions
 * of the measurement records ({@link #startupConclusion}, {@link #ipcConclusions},
 * {@link #crashConclusions}), so tests can feed them made-up numbers.
 */
public final class ProcessesExperiment {
    private static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    private static final int SMALL = 16;
    private static final int LARGE = 1 << 20;
    private static final int CRASH_WORKERS = 3;
    private static final int POOL_TASKS = 6;

    /**
     * How much to measure.
     *
     * @param threadStarts   threads of each kind to start and join
     * @param jvmStarts      child JVMs to start (the median is reported)
     * @param smallTrips     16-byte round trips
     * @param largeTrips     1 MiB round trips
     * @param crashCount     numbers factored in the crash-isolation run
     */
    public record Config(int threadStarts, int jvmStarts, int smallTrips, int largeTrips, long crashCount) {
        public Config {
            if (threadStarts < 1 || jvmStarts < 1 || smallTrips < 1 || largeTrips < 1 || crashCount < 1) {
                throw new IllegalArgumentException("every count must be at least 1");
            }
        }

        public static Config defaults() {
            return new Config(100, 3, 2000, 64, 200_000);
        }
    }

    /** Start-up cost of each kind of worker, per worker. */
    public record Startup(int threads, double platformMicros, double virtualMicros, int jvms, double jvmMicros) {
    }

    /** Round trips through pipes: median and 99th percentile latency, and payload throughput. */
    public record Ipc(int smallTrips, double smallMedianMicros, double smallP99Micros, double smallBytesPerSecond,
                      int largeTrips, double largeMedianMicros, double largeBytesPerSecond) {
    }

    /**
     * Crash isolation.
     *
     * @param killedPid      the child killed, or -1 if the run ended before one could be
     * @param count          numbers the pool run reported
     * @param failed         numbers it reported failed
     * @param identical      whether its output equals the sequential run's, byte for byte
     * @param outputBytes    bytes of the sequential run's output
     * @param restarts       children replaced (from the model's details)
     * @param sequentialNanos wall time of the sequential run (the cost of one number, for the IPC conclusion)
     * @param tasks          thread pool tasks submitted, one of which throws
     * @param tasksCompleted tasks whose Future returned a value
     * @param surfaced       the failing task's exception as Future.get reported it, or null
     * @param poolAlive      whether the pool ran a new task after the failure
     */
    public record Crash(long killedPid, long count, long failed, boolean identical, long outputBytes, int restarts,
                        long sequentialNanos, int tasks, int tasksCompleted, String surfaced, boolean poolAlive) {
    }

    private ProcessesExperiment() {
    }

    public static LabResult run(Config config) throws IOException, InterruptedException {
        Startup startup = measureStartup(config.threadStarts(), config.jvmStarts());
        Ipc ipc = measureIpc(config.smallTrips(), config.largeTrips());
        Crash crash = measureCrash(config.crashCount());
        return result(config, startup, ipc, crash);
    }

    static LabResult result(Config config, Startup s, Ipc ipc, Crash c) {
        String description = String.format(Locale.ROOT, "Measures what a process costs and what it buys. Start-up:"
                + " %d platform threads and %d virtual threads are started and joined, and %d child JVMs are started"
                + " until their first reply. IPC: %,d round trips of 16-byte messages and %d of 1 MiB messages"
                + " through a child JVM's standard input and output pipes. Crash isolation: a pool of %d child JVMs"
                + " factors %,d numbers while one child is killed with SIGKILL mid-work, and its output is compared"
                + " with a sequential run; beside it, one of %d thread pool tasks throws an exception.",
                s.threads(), s.threads(), s.jvms(), ipc.smallTrips(), ipc.largeTrips(), CRASH_WORKERS,
                config.crashCount(), c.tasks());
        LabTable startup = new LabTable("Start-up cost", List.of("worker", "started", "per worker", "vs platform thread"),
                List.of(List.of("platform thread", Integer.toString(s.threads()), micros(s.platformMicros()), "1.0x"),
                        List.of("virtual thread", Integer.toString(s.threads()), micros(s.virtualMicros()),
                                ratio(s.virtualMicros() / s.platformMicros())),
                        List.of("child JVM (to first reply)", Integer.toString(s.jvms()), micros(s.jvmMicros()),
                                ratio(s.jvmMicros() / s.platformMicros()))));
        LabTable pipes = new LabTable("IPC round trips over pipes",
                List.of("message", "round trips", "median", "p99", "payload MB/s"),
                List.of(List.of("16 B", String.format(Locale.ROOT, "%,d", ipc.smallTrips()), micros(ipc.smallMedianMicros()),
                                micros(ipc.smallP99Micros()), mbps(ipc.smallBytesPerSecond())),
                        List.of("1 MiB", String.format(Locale.ROOT, "%,d", ipc.largeTrips()), micros(ipc.largeMedianMicros()),
                                "-", mbps(ipc.largeBytesPerSecond()))));
        LabTable crash = new LabTable("Crash isolation", List.of("case", "outcome"),
                List.of(List.of("child JVM killed", c.killedPid() < 0 ? "none (run ended first)" : "pid " + c.killedPid()),
                        List.of("pool run", String.format(Locale.ROOT, "%,d numbers, %,d failed, %d restart(s)",
                                c.count(), c.failed(), c.restarts())),
                        List.of("output vs sequential", (c.identical() ? "identical, " : "DIFFERENT, ")
                                + String.format(Locale.ROOT, "%,d bytes", c.outputBytes())),
                        List.of("thread pool tasks", String.format(Locale.ROOT, "%d of %d returned a value",
                                c.tasksCompleted(), c.tasks())),
                        List.of("the throwing task", c.surfaced() == null ? "no exception seen"
                                : "Future.get threw " + c.surfaced().replaceFirst(":.*", "")),
                        List.of("pool after it", c.poolAlive() ? "ran a new task" : "did not run a new task")));
        List<String> conclusions = new ArrayList<>();
        conclusions.add(startupConclusion(s));
        conclusions.addAll(ipcConclusions(ipc, c.sequentialNanos() / 1e3 / Math.max(1, c.count())));
        conclusions.addAll(crashConclusions(c));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("startup", recordMap(s));
        data.put("ipc", recordMap(ipc));
        data.put("crash", recordMap(c));
        return new LabResult("processes", description, List.of(startup, pipes, crash), conclusions, data);
    }

    // ---- conclusions: pure functions of the measurements ----

    /** Which worker was cheapest to start, and how many times that the others cost. */
    public static String startupConclusion(Startup s) {
        record Cost(String name, double micros) {
        }
        List<Cost> costs = new ArrayList<>(List.of(new Cost("a platform thread", s.platformMicros()),
                new Cost("a virtual thread", s.virtualMicros()), new Cost("a child JVM", s.jvmMicros())));
        costs.sort(Comparator.comparingDouble(Cost::micros));
        Cost cheapest = costs.get(0);
        String advice = costs.get(2).name().equals("a child JVM")
                ? ": start child JVMs once and reuse them for many chunks, as the processes model's pool does."
                : ".";
        return String.format(Locale.ROOT, "Cheapest to start was %s (%s); %s cost %,.0fx that and %s %,.0fx%s",
                cheapest.name(), micros(cheapest.micros()), costs.get(1).name(), costs.get(1).micros() / cheapest.micros(),
                costs.get(2).name(), costs.get(2).micros() / cheapest.micros(), advice);
    }

    /**
     * How a small round trip compares with the work it would carry (factoring one number, in
     * microseconds), and how much more a large message carries per second.
     */
    public static List<String> ipcConclusions(Ipc ipc, double numberMicros) {
        double numbers = ipc.smallMedianMicros() / numberMicros;
        String first = String.format(Locale.ROOT, "A 16-byte round trip took %s, as long as factoring and printing %s"
                + " number%s here (%s each): %s", micros(ipc.smallMedianMicros()),
                numbers >= 10 ? String.format(Locale.ROOT, "%,.0f", numbers) : String.format(Locale.ROOT, "%.1f", numbers),
                numbers == 1 ? "" : "s", micros(numberMicros), numbers >= 1
                        ? "send numbers to a child in chunks of hundreds, never one per message."
                        : "even one message per number would cost less than the work it carries.");
        double gain = ipc.largeBytesPerSecond() / ipc.smallBytesPerSecond();
        String second = String.format(Locale.ROOT, "1 MiB messages moved %s MB/s, %,.0fx the payload rate of 16-byte"
                + " ones: %s", mbps(ipc.largeBytesPerSecond()), gain, gain > 1
                        ? "small messages pay a fixed cost per trip, large ones pay for copying bytes."
                        : "large messages gained nothing, so copying, not the per-trip cost, limits these pipes.");
        return List.of(first, second);
    }

    /** Whether the killed child cost the run anything, and what the throwing thread pool task did. */
    public static List<String> crashConclusions(Crash c) {
        List<String> out = new ArrayList<>();
        if (c.killedPid() < 0) {
            out.add("No child was killed before the run ended, so process isolation was not tested: raise --count.");
        } else if (c.identical() && c.failed() == 0) {
            out.add(String.format(Locale.ROOT, "A child JVM killed mid-work cost the run nothing: its chunk was redone"
                    + " by a fresh child (%d restart%s) and the output is identical to the sequential run's (%,d"
                    + " bytes) — the parent and the other children never noticed.", c.restarts(),
                    c.restarts() == 1 ? "" : "s", c.outputBytes()));
        } else {
            out.add(String.format(Locale.ROOT, "Killing one child cost the run results: %,d numbers failed and the"
                    + " output %s the sequential run's (%d restart%s).", c.failed(),
                    c.identical() ? "still matches" : "differs from", c.restarts(), c.restarts() == 1 ? "" : "s"));
        }
        int others = c.tasks() - 1;
        if (c.surfaced() != null && c.tasksCompleted() == others && c.poolAlive()) {
            out.add(String.format(Locale.ROOT, "In the thread pool, the task that threw stopped nothing else: the other"
                    + " %d finished, the pool took new work, and the exception surfaced only through Future.get"
                    + " (%s) — nobody sees it who does not ask.", others, c.surfaced()));
        } else {
            out.add(String.format(Locale.ROOT, "In the thread pool, %d of the other %d tasks finished, the pool %s new"
                    + " work, and the exception %s.", Math.min(others, c.tasksCompleted()), others,
                    c.poolAlive() ? "took" : "refused", c.surfaced() == null ? "never surfaced" : "surfaced as " + c.surfaced()));
        }
        return out;
    }

    // ---- start-up ----

    static Startup measureStartup(int threads, int jvms) throws IOException, InterruptedException {
        startAndJoin(Thread.ofPlatform(), threads); // warm-up: class loading, first thread creation
        startAndJoin(Thread.ofVirtual(), threads);
        double platform = startAndJoin(Thread.ofPlatform(), threads) / 1e3 / threads;
        double virtual = startAndJoin(Thread.ofVirtual(), threads) / 1e3 / threads;
        long[] jvm = new long[jvms];
        for (int i = 0; i < jvms; i++) {
            long t0 = System.nanoTime();
            try (Echo echo = Echo.start()) {
                echo.roundTrip(new byte[1]);
                jvm[i] = System.nanoTime() - t0;
            }
        }
        return new Startup(threads, platform, virtual, jvms, percentile(jvm, 50) / 1e3);
    }

    private static long startAndJoin(Thread.Builder builder, int n) throws InterruptedException {
        Thread[] started = new Thread[n];
        AtomicLong sink = new AtomicLong();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            started[i] = builder.start(sink::incrementAndGet);
        }
        for (Thread t : started) {
            t.join();
        }
        return System.nanoTime() - t0;
    }

    // ---- IPC ----

    static Ipc measureIpc(int smallTrips, int largeTrips) throws IOException {
        try (Echo echo = Echo.start()) {
            byte[] small = new byte[SMALL];
            byte[] large = new byte[LARGE];
            Arrays.fill(large, (byte) 7);
            for (int i = 0; i < Math.min(500, smallTrips); i++) { // warm-up of both JVMs' I/O paths
                echo.roundTrip(small);
            }
            echo.roundTrip(large);
            long[] s = new long[smallTrips];
            long t0 = System.nanoTime();
            for (int i = 0; i < smallTrips; i++) {
                long t = System.nanoTime();
                echo.roundTrip(small);
                s[i] = System.nanoTime() - t;
            }
            long smallTotal = System.nanoTime() - t0;
            long[] l = new long[largeTrips];
            t0 = System.nanoTime();
            for (int i = 0; i < largeTrips; i++) {
                long t = System.nanoTime();
                echo.roundTrip(large);
                l[i] = System.nanoTime() - t;
            }
            long largeTotal = System.nanoTime() - t0;
            return new Ipc(smallTrips, percentile(s, 50) / 1e3, percentile(s, 99) / 1e3,
                    (double) SMALL * smallTrips * 1e9 / smallTotal, largeTrips, percentile(l, 50) / 1e3,
                    (double) LARGE * largeTrips * 1e9 / largeTotal);
        }
    }

    /** One {@link EchoMain} child, owned: {@link #close()} ends its input, then kills and reaps it. */
    private static final class Echo implements AutoCloseable {
        private final Process process;
        private final DataOutputStream out;
        private final DataInputStream in;
        private byte[] reply = new byte[0];

        private Echo(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        }

        static Echo start() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(CHILD_JVM_OPTIONS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoMain.class.getName()));
            return new Echo(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        void roundTrip(byte[] message) throws IOException {
            out.writeInt(message.length);
            out.write(message);
            out.flush();
            int length = in.readInt();
            if (length != message.length) {
                throw new IOException("echo child answered " + length + " bytes to " + message.length);
            }
            if (reply.length < length) {
                reply = new byte[length];
            }
            in.readFully(reply, 0, length);
        }

        @Override
        public void close() {
            try {
                out.close();
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- crash isolation ----

    static Crash measureCrash(long count) throws IOException, InterruptedException {
        RandomWorkload numbers = new RandomWorkload(5, count, 20_000, 100_000_000);
        JobSpec job = new JobSpec(Algorithm.TRIAL, FactorFormat.LIST, false);
        int chunk = (int) Math.max(1, Math.min(1000, count / (4L * CRASH_WORKERS)));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        RunStats sequential;
        try (ExecutionModel m = ModelRegistry.create("sequential", ModelOptions.workers(1))) {
            sequential = GilExperiment.runOnce(m, job, new RandomChunks(numbers, chunk), expected);
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        RunStats pooled;
        long killed;
        try (ProcessPoolModel pool = new ProcessPoolModel(CRASH_WORKERS, null)) {
            CountingChunks input = new CountingChunks(new RandomChunks(numbers, chunk));
            long chunks = (count + chunk - 1) / chunk;
            AtomicLong victim = new AtomicLong(-1);
            AtomicBoolean done = new AtomicBoolean();
            Thread killer = Thread.ofPlatform().name("factorlab-lab-killer").daemon().start(
                    () -> killMidRun(pool, input, chunks / 3, done, victim));
            try {
                pooled = GilExperiment.runOnce(pool, job, input, actual);
            } finally {
                done.set(true);
                killer.join();
            }
            killed = victim.get();
            int restarts = Integer.parseInt(pool.details().getOrDefault("restarts", "0"));
            boolean identical = Arrays.equals(expected.toByteArray(), actual.toByteArray());
            PoolOutcome tasks = throwInThreadPool(numbers);
            return new Crash(killed, pooled.count(), pooled.failed(), identical, expected.size(), restarts,
                    sequential.wallNanos(), POOL_TASKS, tasks.completed(), tasks.surfaced(), tasks.alive());
        }
    }

    /** Waits until every child is ready and {@code after} chunks were taken, then kills the middle child. */
    private static void killMidRun(ProcessPoolModel pool, CountingChunks input, long after, AtomicBoolean done,
                                   AtomicLong victim) {
        while (!done.get()) {
            List<Long> pids = pool.childPids();
            if (pids.size() == CRASH_WORKERS && input.taken() >= after) {
                long pid = pids.get(1);
                if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                    victim.set(pid);
                }
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Counts the chunks the pipeline has taken, so the kill lands mid-run. */
    private static final class CountingChunks implements ChunkSupplier {
        private final ChunkSupplier delegate;
        private final AtomicLong taken = new AtomicLong();

        CountingChunks(ChunkSupplier delegate) {
            this.delegate = delegate;
        }

        @Override
        public Chunk next() throws IOException {
            Chunk c = delegate.next();
            if (c != null) {
                taken.incrementAndGet();
            }
            return c;
        }

        @Override
        public long total() {
            return delegate.total();
        }

        long taken() {
            return taken.get();
        }
    }

    private record PoolOutcome(int completed, String surfaced, boolean alive) {
    }

    /**
     * Submits {@value #POOL_TASKS} factoring tasks to a 3-thread pool; task 3 throws halfway. Returns
     * how many tasks returned a value, what Future.get reported for the failing one, and whether the
     * pool then ran a new task.
     */
    private static PoolOutcome throwInThreadPool(RandomWorkload numbers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CRASH_WORKERS);
        try {
            long slice = Math.min(20_000, Math.max(1, numbers.count() / POOL_TASKS));
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < POOL_TASKS; t++) {
                futures.add(pool.submit(factorTask(numbers, t * slice, slice, t == 2)));
            }
            int completed = 0;
            String surfaced = null;
            for (Future<Long> f : futures) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    completed++;
                } catch (ExecutionException e) {
                    surfaced = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                } catch (TimeoutException e) {
                    f.cancel(true);
                }
            }
            boolean alive;
            try {
                alive = pool.submit(() -> true).get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                alive = false;
            }
            return new PoolOutcome(completed, surfaced, alive);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Factors {@code n} numbers from {@code from}; if {@code fail}, throws halfway through. */
    private static Callable<Long> factorTask(RandomWorkload numbers, long from, long n, boolean fail) {
        return () -> {
            Factorizer f = Algorithm.TRIAL.factorizer();
            long[] factors = new long[64];
            long total = 0;
            for (long i = 0; i < n; i++) {
                if (fail && i == n / 2) {
                    throw new IllegalStateException("task failed halfway, at number " + numbers.number(from + i));
                }
                total += f.factor(numbers.number((from + i) % numbers.count()), factors);
            }
            return total;
        };
    }

    // ---- formatting ----

    private static Map<String, Object> recordMap(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : r.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)];
    }

    private static String micros(double micros) {
        if (micros >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f ms", micros / 1e3);
        }
        if (micros >= 1_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
        }
        return String.format(Locale.ROOT, micros >= 10 ? "%.0f µs" : "%.1f µs", micros);
    }

    private static String mbps(double bytesPerSecond) {
        double mb = bytesPerSecond / 1e6;
        return String.format(Locale.ROOT, mb >= 10 ? "%,.0f" : "%.2f", mb);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%,.0fx" : "%.1fx", r);
    }
}
