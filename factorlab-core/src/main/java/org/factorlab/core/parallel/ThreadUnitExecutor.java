package org.factorlab.core.parallel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs {@link WorkUnit}s on the calling thread and, while cores are idle, on helper threads: daemon
 * platform threads ("factorlab-unit-N") of a pool of {@code parallelism − 1}.
 *
 * <p><b>Caller runs, helpers fill idle cores.</b> The thread that calls {@link #execute} computes
 * units itself, one after another. Each executor counts its busy threads — callers inside
 * {@code execute} plus running helpers — and starts a helper for a job only while that count is
 * below {@code parallelism}; a helper stops after its current unit when the count is above it. So
 * one big number gets every core, while a batch whose workers already keep every core busy (two
 * 40-digit numbers at once on two cores, each in its own {@code execute}) sieves each number on its
 * worker's thread alone: no unit crosses threads and none is wasted when the number is done. (The
 * earlier design sent every unit to a pool of {@code parallelism} threads with {@code 2 × parallelism}
 * in flight per job: on such a batch the two jobs' units shared two threads, and each job left up to
 * three units computed for nothing at its end — 40-digit batches used 19.4 s of CPU where one thread
 * used 16.5, for no gain in wall time.)
 *
 * <p><b>Bounds.</b> Units are taken from the iterator on the calling thread only (as the contract
 * asks), at most {@code 2 × (parallelism − 1)} ahead of the ones being computed, so at most
 * {@code 3 × parallelism − 2} are out of the iterator and not yet consumed (4 on two cores, as
 * before). When the job ends, units still queued never start, and running helpers are interrupted
 * and waited for: no unit of a job runs after its {@code execute} returns.
 *
 * <p>Threads are created lazily and end after 30 s idle; being daemons, they never keep the JVM alive.
 */
public final class ThreadUnitExecutor implements UnitExecutor, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final java.util.concurrent.ConcurrentHashMap<Integer, ThreadUnitExecutor> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final int parallelism;
    private final ExecutorService pool;
    /**
     * Callers inside {@link #execute} plus running helpers plus threads that {@link #occupy} a core,
     * over all jobs of this executor.
     */
    private final AtomicInteger busy = new AtomicInteger();
    /** Whether the current thread {@link #occupy occupies} a core (then {@link #execute} does not count it again). */
    private final ThreadLocal<boolean[]> occupying = ThreadLocal.withInitial(() -> new boolean[1]);

    /** An executor for {@code parallelism ≥ 1} threads at once (the callers' own included). */
    public ThreadUnitExecutor(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        int helpers = Math.max(1, parallelism - 1);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(helpers, helpers, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "factorlab-unit-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    /**
     * The JVM's shared executor for {@code parallelism} threads, created on first use and never
     * closed (its idle threads end after 30 s): every job that asks for the same parallelism shares
     * it — and its count of busy threads — so several jobs at once cannot multiply the threads.
     */
    public static ThreadUnitExecutor shared(int parallelism) {
        return SHARED.computeIfAbsent(parallelism, ThreadUnitExecutor::new);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /**
     * Counts the calling thread busy until the returned handle is closed, not only while it is inside
     * {@link #execute}: a batch worker holds its core for the whole of its chunk, so that the moments
     * it spends outside {@code execute} (trial division, a factor base's set-up, linear algebra,
     * the next number's smaller kernels) do not let another worker's job start a helper that then
     * competes with it for the core. Helpers start only when a worker has no chunk left. (Without
     * this, 250 40-digit semiprimes on two workers took 4.3-4.4 s and 7.6-8.0 s of CPU; with no
     * helpers at all 4.1-4.2 s and 7.4-7.5 s.) Not reentrant; one handle per thread at a time.
     */
    public Occupancy occupy() {
        boolean[] flag = occupying.get();
        if (flag[0]) {
            throw new IllegalStateException("this thread already occupies a core of " + this);
        }
        flag[0] = true;
        busy.incrementAndGet();
        return () -> {
            if (flag[0]) { // a second close gives nothing back twice
                flag[0] = false;
                busy.decrementAndGet();
            }
        };
    }

    /** What {@link #occupy} returns: closing it (on the thread that occupied) gives the core back. */
    @FunctionalInterface
    public interface Occupancy extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public <R extends Serializable> void execute(Iterator<? extends WorkUnit<R>> units,
                                                 Predicate<? super R> sink) {
        boolean counted = !occupying.get()[0];
        if (counted) {
            busy.incrementAndGet();
        }
        Job<R> job = new Job<>(this);
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("interrupted");
                }
                if (!job.drain(sink, false)) {
                    return;
                }
                // the oldest unit is the caller's; helpers take the queued ones after it
                WorkUnit<R> mine = job.queue.poll();
                if (mine == null && units.hasNext()) {
                    mine = units.next();
                }
                while (job.queue.size() < 2 * (parallelism - 1) && units.hasNext()) {
                    job.queue.add(units.next());
                }
                while (job.helpers < parallelism - 1 && !job.queue.isEmpty() && reserve()) {
                    job.startHelper(pool);
                }
                if (mine != null) {
                    if (!sink.test(mine.compute())) {
                        return;
                    }
                } else if (job.helpers == 0 && job.done.isEmpty()) {
                    return; // every unit computed and consumed
                } else if (!job.drain(sink, true)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } finally {
            job.stop();
            if (counted) {
                busy.decrementAndGet();
            }
        }
    }

    /** Callers inside {@link #execute} plus running helpers plus occupying threads, now (tests). */
    int busyThreads() {
        return busy.get();
    }

    /** Counts one more busy thread if fewer than {@code parallelism} are. */
    private boolean reserve() {
        while (true) {
            int b = busy.get();
            if (b >= parallelism) {
                return false;
            }
            if (busy.compareAndSet(b, b + 1)) {
                return true;
            }
        }
    }

    /** Stops the threads; units still running are interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "threads(" + parallelism + ")";
    }

    /** One call of {@link #execute}: its queue of units for helpers and what the helpers report. */
    private static final class Job<R extends Serializable> {
        /** A helper ended (it reports this after its last result). */
        private static final Object EXIT = new Object();
        /** Stands for a null result in {@link #done}, which holds no nulls. */
        private static final Object NULL = new Object();

        private final ThreadUnitExecutor owner;
        final ConcurrentLinkedQueue<WorkUnit<R>> queue = new ConcurrentLinkedQueue<>();
        /** Results, failures (as {@link Throwable}) and {@link #EXIT} markers, in arrival order. */
        final BlockingQueue<Object> done = new LinkedBlockingQueue<>();
        private final List<Helper> started = new ArrayList<>();
        /** Helpers started and not yet seen to end (the caller's view). */
        int helpers;
        volatile boolean stopped;

        Job(ThreadUnitExecutor owner) {
            this.owner = owner;
        }

        /** A helper task; {@code claimed} decides once whether it runs or is dropped unstarted. */
        private record Helper(AtomicBoolean claimed, Future<?> future) {
        }

        /** Starts a helper on a busy-count reservation the caller has made. */
        void startHelper(ExecutorService pool) {
            AtomicBoolean claimed = new AtomicBoolean();
            helpers++;
            started.add(new Helper(claimed, pool.submit(() -> {
                if (claimed.compareAndSet(false, true)) {
                    help();
                }
            })));
        }

        /** Computes queued units until none is left, the job stops or the cores are oversubscribed. */
        private void help() {
            try {
                while (!stopped && !Thread.currentThread().isInterrupted()) {
                    WorkUnit<R> u = queue.poll();
                    if (u == null) {
                        break;
                    }
                    try {
                        R r = u.compute();
                        done.add(r == null ? NULL : r);
                    } catch (Throwable t) {
                        done.add(t);
                        break;
                    }
                    if (owner.busy.get() > owner.parallelism) {
                        break; // another caller came in: give the core back
                    }
                }
            } finally {
                owner.busy.decrementAndGet();
                done.add(EXIT);
            }
        }

        /**
         * Passes the helpers' results to the sink (waiting for one first if {@code block}); false when
         * the sink says stop. Rethrows a helper's failure.
         */
        @SuppressWarnings("unchecked")
        boolean drain(Predicate<? super R> sink, boolean block) throws InterruptedException {
            Object o = block ? done.take() : done.poll();
            while (o != null) {
                if (o == EXIT) {
                    helpers--;
                } else if (o instanceof Throwable t) {
                    if (t instanceof RuntimeException re) {
                        throw re;
                    }
                    if (t instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(t);
                } else if (!sink.test(o == NULL ? null : (R) o)) {
                    return false;
                }
                o = done.poll();
            }
            return true;
        }

        /**
         * Ends the job: queued units are dropped, helpers not yet started never start (their
         * reservations are returned), running ones are interrupted and waited for — units check the
         * interrupt flag every few milliseconds — so no unit of this job runs after {@code execute}.
         */
        void stop() {
            stopped = true;
            queue.clear();
            for (Helper h : started) {
                if (h.claimed().compareAndSet(false, true)) {
                    h.future().cancel(false);
                    owner.busy.decrementAndGet();
                    helpers--;
                } else {
                    h.future().cancel(true);
                }
            }
            boolean interrupted = false;
            while (helpers > 0) {
                try {
                    if (done.take() == EXIT) {
                        helpers--;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
