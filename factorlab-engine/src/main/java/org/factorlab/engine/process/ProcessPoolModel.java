package org.factorlab.engine.process;

import org.factorlab.engine.model.ChunkSource;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.NamedModelProvider;
import org.factorlab.engine.model.ResultSink;
import org.factorlab.engine.model.Rethrow;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pool of N long-lived child JVMs, each fed one chunk at a time over its standard input and
 * answering over its standard output: Python's {@code multiprocessing.Pool}, the seed's second
 * program, done on the JVM. Use it to measure what process isolation costs (start-up, copying every
 * number and every result line through a pipe) and what it buys (a crashing or stuck worker loses one
 * chunk, never the run). For plain speed the {@code threads} model is better: the JVM has no GIL.
 *
 * <pre>{@code
 * try (ExecutionModel model = new ProcessPoolModel(4, Duration.ofSeconds(30))) {
 *     RunStats stats = new Pipeline(16, true, Progress.NONE).run(model, job, chunks, out, System.err);
 * }
 * }</pre>
 *
 * <p><b>Guarantees.</b> Output is byte-identical to every other model (the child runs the same
 * {@link org.factorlab.engine.work.ChunkProcessor}). Every chunk taken from the source gets exactly one
 * result: computed, or failed with a reason. No child outlives {@link #close()}, an interrupted
 * {@link #execute}, or — by construction, see below — the parent itself.
 *
 * <h2>Implementation overview</h2>
 *
 * <p><b>Shape.</b> The model owns N <i>slots</i>. During {@link #execute} one platform <i>driver</i>
 * thread serves each slot: it makes sure its slot holds a ready child (starting one if not), then loops
 * — take a chunk from the source, send it, block reading the answer, hand the result to the sink. A
 * driver talks only to its own child, so the streams need no locking, and the blocking read is the
 * back-pressure: a child never has more than one chunk. The parent holds at most the pipeline's window
 * of chunks plus the N in flight; each child holds one chunk at a time in a small heap
 * ({@value #CHILD_HEAP}).
 *
 * <p><b>Lifecycle of a child.</b> Children are started by their drivers at the start of the first
 * {@code execute} (all N in parallel, each driver its own), with this JVM's {@code java.home} and class
 * path and main class {@link WorkerMain}; stderr is inherited, so a child's crash report is visible,
 * while stdin/stdout are pipes. A child is ready when its <i>hello</i> frame arrives; that delay is
 * its start-up time. Children stay up between runs of the same model and stop in {@link #close()}.
 *
 * <p><b>Protocol.</b> Binary frames, versioned by the hello frame ({@link WireProtocol},
 * {@code docs/protocol.md}): hello (child → parent: magic, version, pid), job (algorithm, format,
 * verify; sent again only when it changes), chunk (sequence, 8-byte numbers, big numbers as bytes),
 * result (sequence, count, busy time, the child's CPU time so far, output bytes, error lines). There
 * is no stop frame: the end of a child's standard input is the stop signal.
 *
 * <p><b>A child that dies.</b> EOF or an I/O error while a driver sends a chunk or waits for its
 * answer means the child is gone (kill -9, {@code System.exit}, {@code OutOfMemoryError} — children run
 * with {@code -XX:+ExitOnOutOfMemoryError} so that an exhausted heap is a death, not a hang). The driver
 * reaps it and resends the same chunk to a fresh child, at most {@value #MAX_ATTEMPTS} attempts in all;
 * then the chunk's numbers are reported failed ({@link ChunkResult#failed}) and the run goes on. A
 * child that dies before its hello is a broken installation, not bad luck: {@code execute} throws.
 * A child that breaks the protocol is a bug: {@code execute} throws too.
 *
 * <p><b>Task timeout.</b> With a timeout, each chunk sent is registered with one shared scheduled
 * watchdog thread. Driver and watchdog race for the chunk through one atomic token in the
 * {@link WorkerProcess}: the driver <i>arms</i> it before sending and <i>disarms</i> it (compare-and-set)
 * when the answer is in; the watchdog <i>expires</i> it (compare-and-set) and kills the child. Exactly
 * one wins. If the watchdog won, the driver's blocked read fails, and the chunk is reported "timed out"
 * without a retry (a chunk that hangs once would hang again); the slot gets a fresh child on demand.
 *
 * <p><b>Why no orphans.</b> (1) A child exits with status 0 at the end of its standard input, and the
 * only writer of that pipe is this JVM: when the parent exits or dies, even by kill -9, the kernel
 * closes the pipe, and the child exits after at most its current chunk (its next write fails, or its
 * next read sees the end). (2) {@link #close()} ends every idle child's input, kills busy ones, waits
 * up to {@value #GRACE_MILLIS} ms, kills what is left and waits until every child has been reaped; the
 * CLI calls it from its shutdown hook, so Ctrl-C and SIGTERM stop the children too. (3) An interrupted
 * {@code execute} kills all children and reaps them before it throws. (4) Every process is registered,
 * under the same lock that {@code close} and an interrupt take, before anything can block on it, so
 * none can slip past a concurrent stop.
 *
 * <p><b>Thread safety.</b> One {@code execute} at a time (the {@link ExecutionModel} contract);
 * {@link #close()}, {@link #details()}, {@link #externalCpuNanos()} and {@link #childPids()} may be
 * called from any thread at any time.
 */
public final class ProcessPoolModel implements ExecutionModel {
    /** Attempts per chunk when its child keeps dying: the first plus two retries. */
    static final int MAX_ATTEMPTS = 3;
    /** How long {@link #close()} lets children exit on their own before killing them. */
    static final long GRACE_MILLIS = 1000;
    static final String CHILD_HEAP = "-Xmx64m";
    /**
     * The child JVM's options: a small heap, the serial collector (one chunk of live data needs no
     * concurrent GC threads), death on OutOfMemoryError, no hsperfdata file. C2 stays on: the child
     * does CPU-bound work, and with C1 only ({@code -XX:TieredStopAtLevel=1}) trial division ran 1.7
     * times slower and the 64-bit path 3 times slower here, for no gain in start-up time. java.math
     * is not inlined into our code, as in the launcher: inlined BigInteger made the SIQS candidate
     * check so large that compiling it took as much CPU as sieving on a short run.
     */
    static final List<String> CHILD_JVM_OPTIONS = List.of(CHILD_HEAP, "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=dontinline,java.math.*::*");

    private static final long REAP_MILLIS = 5000;

    private final int workers;
    private final Duration taskTimeout;
    private final ProcessBuilder builder;
    private final ScheduledThreadPoolExecutor watchdog;
    /** Slot i's child is replaced only by driver i (and cleared after a stopped run); guarded by {@link #lock}. */
    private final WorkerProcess[] slots;
    private final Object lock = new Object();
    /** Every child started and not yet reaped; guarded by {@link #lock}. */
    private final Set<WorkerProcess> live = new HashSet<>();
    /** Written under {@link #lock}; read anywhere. */
    private volatile boolean closed;
    private final Object closeLock = new Object();
    private final AtomicLong tokens = new AtomicLong();

    private final AtomicInteger started = new AtomicInteger();
    private final LongAdder startupTotal = new LongAdder();
    private final AtomicLong startupMax = new AtomicLong();
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();
    /** The latest cumulative CPU time each child reported, by child serial number (kept after it dies). */
    private final Map<Integer, Long> childCpu = new ConcurrentHashMap<>();

    /**
     * A pool of {@code workers} child JVMs.
     *
     * @param taskTimeout how long one chunk may take in a child before it is killed; {@code null} for no limit
     */
    public ProcessPoolModel(int workers, Duration taskTimeout) {
        this(workers, taskTimeout, List.of());
    }

    /**
     * As {@link #ProcessPoolModel(int, Duration)}, with extra options for the child JVMs: tests use it to
     * set {@link WorkerMain}'s failure-injection properties ({@code -Dfactorlab.test.…}).
     */
    ProcessPoolModel(int workers, Duration taskTimeout, List<String> extraChildJvmArgs) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (taskTimeout != null && (taskTimeout.isNegative() || taskTimeout.isZero())) {
            throw new IllegalArgumentException("task timeout must be positive: " + taskTimeout);
        }
        this.workers = workers;
        this.taskTimeout = taskTimeout;
        this.slots = new WorkerProcess[workers];
        this.builder = new ProcessBuilder(childCommand(extraChildJvmArgs))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (taskTimeout == null) {
            this.watchdog = null;
        } else {
            this.watchdog = new ScheduledThreadPoolExecutor(1,
                    r -> Thread.ofPlatform().name("factorlab-process-watchdog").daemon().unstarted(r));
            this.watchdog.setRemoveOnCancelPolicy(true);
        }
    }

    /** {@code java [options] -cp <this class path> org.factorlab.engine.process.WorkerMain}. */
    static List<String> childCommand(List<String> extraChildJvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(extraChildJvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        return command;
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
        Objects.requireNonNull(job, "job");
        Run run = new Run(job, source, sink);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the processes model is closed");
            }
        }
        run.start();
        try {
            run.join();
        } catch (InterruptedException e) {
            run.stop();
            run.reapAll(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(900));
            throw e;
        }
        run.finish();
    }

    /** The pids of the children that are ready for work, in slot order (for tests and {@code lab}). */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        synchronized (lock) {
            for (WorkerProcess w : slots) {
                if (w != null && w.ready() && live.contains(w)) {
                    pids.add(w.pid());
                }
            }
        }
        return pids;
    }

    /**
     * Since the model was created: children started, their start-up time (process start to hello),
     * bytes sent to and received from them, children lost and replaced, chunks timed out.
     */
    @Override
    public Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        int n = started.get();
        d.put("children_started", Integer.toString(n));
        d.put("startup_avg", n == 0 ? "n/a" : millis(startupTotal.sum() / n));
        d.put("startup_max", n == 0 ? "n/a" : millis(startupMax.get()));
        d.put("ipc_sent", bytes(sent.sum()));
        d.put("ipc_received", bytes(received.sum()));
        d.put("restarts", Integer.toString(restarts.get()));
        d.put("timeouts", Integer.toString(timeouts.get()));
        long peak = childPids().stream().mapToLong(ProcessPoolModel::peakResidentBytes).max().orElse(-1);
        if (peak > 0) {
            d.put("child_peak_rss", bytes(peak));
        }
        return d;
    }

    /**
     * The most memory a live child has held (its resident set's high-water mark, {@code VmHWM} in
     * {@code /proc/PID/status}), or -1 where the platform does not tell.
     */
    static long peakResidentBytes(long pid) {
        try {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the child just ended
        }
        return -1;
    }

    /** The CPU time the children reported, each its latest figure, the dead ones included. */
    @Override
    public long externalCpuNanos() {
        long sum = 0;
        for (long nanos : childCpu.values()) {
            sum += Math.max(0, nanos);
        }
        return sum;
    }

    /**
     * Stops every child: ends the input of idle ones (they exit 0), kills busy ones, waits up to
     * {@value #GRACE_MILLIS} ms, kills the rest and waits until all are reaped. Idempotent; a second
     * caller waits for the first to finish. A running {@code execute} then throws
     * {@link CancellationException}.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            List<WorkerProcess> all;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                all = new ArrayList<>(live);
            }
            if (watchdog != null) {
                watchdog.shutdownNow();
            }
            for (WorkerProcess w : all) {
                if (w.busy()) {
                    w.kill();
                } else {
                    w.closeInput();
                }
            }
            boolean interrupted = false;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
            for (WorkerProcess w : all) {
                try {
                    if (!w.awaitExit(deadline - System.nanoTime())) {
                        w.kill();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    w.kill();
                }
            }
            interrupted |= reap(all, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REAP_MILLIS));
            synchronized (lock) {
                live.removeAll(all);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills and waits for each process until the deadline; returns whether the wait was interrupted. */
    private static boolean reap(List<WorkerProcess> all, long deadline) {
        boolean interrupted = false;
        for (WorkerProcess w : all) {
            w.kill();
            try {
                w.awaitExit(deadline - System.nanoTime());
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** One call of {@link #execute}: its drivers and how it stops. */
    private final class Run {
        private final JobSpec job;
        private final ChunkSource source;
        private final ResultSink sink;
        private final Thread[] drivers = new Thread[workers];
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Guarded by {@link #lock} for writes; read anywhere. */
        private volatile boolean stopping;

        Run(JobSpec job, ChunkSource source, ResultSink sink) {
            this.job = job;
            this.source = Objects.requireNonNull(source, "source");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        void start() {
            for (int i = 0; i < workers; i++) {
                int slot = i;
                drivers[i] = Thread.ofPlatform().name("factorlab-process-driver-" + (i + 1)).daemon()
                        .start(() -> drive(slot));
            }
        }

        void join() throws InterruptedException {
            for (Thread driver : drivers) {
                driver.join();
            }
        }

        /** After every driver has ended: rethrows a failure, or reports a close that cut the run short. */
        void finish() throws InterruptedException {
            Throwable t = failure.get();
            if (t != null) {
                reapAll(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REAP_MILLIS));
                if (t instanceof InterruptedException e) {
                    throw e;
                }
                throw Rethrow.unchecked(t);
            }
            if (closed) {
                throw new CancellationException("the processes model was closed during the run");
            }
        }

        /** Driver {@code slot}'s loop: a ready child first, then chunk after chunk until the source is dry. */
        private void drive(int slot) {
            try {
                child(slot);
                for (Chunk chunk; !stopped() && (chunk = source.next()) != null; ) {
                    ChunkResult result = compute(slot, chunk);
                    if (result == null) {
                        return;
                    }
                    sink.accept(result);
                }
            } catch (Throwable t) {
                if (!stopped()) {
                    failure.compareAndSet(null, t);
                    stop();
                }
            }
        }

        /**
         * Runs one chunk on the slot's child, replacing the child when it dies; returns the result, or
         * {@code null} if the run is being stopped.
         */
        private ChunkResult compute(int slot, Chunk chunk) throws InterruptedException {
            for (int attempt = 1; ; attempt++) {
                WorkerProcess w = child(slot);
                long token = tokens.incrementAndGet();
                w.arm(token);
                ScheduledFuture<?> timer = watch(w, token);
                try {
                    w.send(job, chunk);
                    WireProtocol.Result r = w.receive(chunk);
                    cancel(timer);
                    childCpu.put(w.serial(), r.cpuNanos());
                    if (!w.disarm(token)) {
                        retire(slot, w); // the watchdog fired just as the answer came: keep the answer
                    }
                    return r.result();
                } catch (WireProtocol.ProtocolException e) {
                    throw new IllegalStateException("worker process " + w.pid() + ": " + e.getMessage(), e);
                } catch (IOException e) {
                    cancel(timer);
                    boolean timedOut = !w.disarm(token);
                    if (stopped()) {
                        return null;
                    }
                    retire(slot, w);
                    if (timedOut) {
                        timeouts.incrementAndGet();
                        return ChunkResult.failed(chunk, "timed out after " + seconds(taskTimeout)
                                + " in worker process " + w.pid());
                    }
                    restarts.incrementAndGet();
                    if (attempt == MAX_ATTEMPTS) {
                        return ChunkResult.failed(chunk, "worker process died " + MAX_ATTEMPTS + " times");
                    }
                }
            }
        }

        private ScheduledFuture<?> watch(WorkerProcess w, long token) {
            if (watchdog == null) {
                return null;
            }
            try {
                return watchdog.schedule(() -> w.expire(token), taskTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                throw new CancellationException("the processes model was closed during the run");
            }
        }

        private static void cancel(ScheduledFuture<?> timer) {
            if (timer != null) {
                timer.cancel(false);
            }
        }

        /** The slot's child, started (and waited for until ready) if there is none. */
        private WorkerProcess child(int slot) {
            WorkerProcess w;
            synchronized (lock) {
                w = slots[slot];
            }
            if (w == null) {
                w = startChild();
                synchronized (lock) {
                    slots[slot] = w;
                }
            }
            return w;
        }

        private WorkerProcess startChild() {
            long t0 = System.nanoTime();
            WorkerProcess w;
            synchronized (lock) {
                if (stopped()) {
                    throw new CancellationException("stopping");
                }
                try {
                    // started under the lock, so stop() and close() either see it in live or prevent it
                    w = new WorkerProcess(builder.start(), started.incrementAndGet(), sent, received);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start a worker process: " + e.getMessage(), e);
                }
                live.add(w);
            }
            try {
                w.awaitHello(t0);
            } catch (WireProtocol.ProtocolException e) {
                throw new IllegalStateException("worker process " + w.pid() + ": " + e.getMessage(), e);
            } catch (IOException e) {
                if (stopped()) {
                    throw new CancellationException("stopping");
                }
                throw new IllegalStateException("worker process " + w.pid() + " ended before it was ready"
                        + exitDescription(w) + "; command: " + String.join(" ", builder.command()), e);
            }
            startupTotal.add(w.startupNanos());
            startupMax.accumulateAndGet(w.startupNanos(), Math::max);
            return w;
        }

        private String exitDescription(WorkerProcess w) {
            try {
                w.awaitExit(TimeUnit.SECONDS.toNanos(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = w.exitStatus();
            return status < 0 ? "" : " (exit status " + status + ")";
        }

        /** Kills and reaps a child that died or timed out, and empties its slot. */
        private void retire(int slot, WorkerProcess w) throws InterruptedException {
            synchronized (lock) {
                slots[slot] = null;
            }
            w.kill();
            if (w.awaitExit(TimeUnit.MILLISECONDS.toNanos(REAP_MILLIS))) {
                synchronized (lock) {
                    live.remove(w); // otherwise close() tries again
                }
            }
        }

        private boolean stopped() {
            return stopping || closed;
        }

        /** Stops the run at once: no new children, every child killed, every driver interrupted. */
        void stop() {
            List<WorkerProcess> all;
            synchronized (lock) {
                stopping = true;
                all = new ArrayList<>(live);
            }
            all.forEach(WorkerProcess::kill);
            for (Thread driver : drivers) {
                if (driver != null && driver != Thread.currentThread()) {
                    driver.interrupt();
                }
            }
        }

        /** After {@link #stop()}: waits until the deadline for the drivers and every child to end. */
        void reapAll(long deadline) {
            List<WorkerProcess> all;
            synchronized (lock) {
                all = new ArrayList<>(live);
            }
            boolean interrupted = reap(all, deadline);
            for (Thread driver : drivers) {
                try {
                    driver.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            synchronized (lock) {
                all = new ArrayList<>(live); // a driver may have been starting one as we stopped
                live.clear();
                Arrays.fill(slots, null);
            }
            interrupted |= reap(all, deadline + TimeUnit.MILLISECONDS.toNanos(100));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code 1.5s}, {@code 30s}: a duration in seconds without trailing zeros. */
    static String seconds(Duration d) {
        return new BigDecimal(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0fms", nanos / 1e6);
    }

    /** {@code 830B}, {@code 12.4kB}, {@code 1.2MB}, {@code 3.0GB} (decimal units). */
    static String bytes(long n) {
        if (n < 1000) {
            return n + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f%s", v, units[u]);
    }

    /** Registers {@code processes}. */
    public static final class Provider extends NamedModelProvider {
        public Provider() {
            super("processes", 40, "a pool of N child JVMs fed chunks over pipes (the seed's multiprocessing.Pool)",
                    o -> new ProcessPoolModel(o.workers(), o.taskTimeout()));
        }
    }
}
