package org.factorlab.core.parallel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs {@link WorkUnit}s on a fixed set of daemon platform threads ("factorlab-unit-N"). With
 * {@code parallelism} threads, at most {@code 2 × parallelism} units are in flight per job, so
 * results are consumed while the next units are already running and memory stays bounded.
 *
 * <p>Threads are created lazily and ended by {@link #close()}; being daemons, they never keep the
 * JVM alive.
 */
public final class ThreadUnitExecutor implements UnitExecutor, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final java.util.concurrent.ConcurrentHashMap<Integer, ThreadUnitExecutor> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final int parallelism;
    private final ExecutorService pool;

    /** An executor with {@code parallelism ≥ 1} threads. */
    public ThreadUnitExecutor(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(parallelism, parallelism, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "factorlab-unit-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    /**
     * The JVM's shared executor with {@code parallelism} threads, created on first use and never
     * closed (its idle threads end after 30 s): every job that asks for the same parallelism shares
     * it, so several jobs at once cannot multiply the threads.
     */
    public static ThreadUnitExecutor shared(int parallelism) {
        return SHARED.computeIfAbsent(parallelism, ThreadUnitExecutor::new);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public <R extends Serializable> void execute(Iterator<? extends WorkUnit<R>> units,
                                                 Predicate<? super R> sink) {
        ExecutorCompletionService<R> done = new ExecutorCompletionService<>(pool);
        List<Future<R>> running = new ArrayList<>();
        int inFlight = 0;
        try {
            while (true) {
                while (inFlight < 2 * parallelism && units.hasNext()) {
                    WorkUnit<R> unit = units.next();
                    running.add(done.submit(unit::compute));
                    inFlight++;
                }
                if (inFlight == 0) {
                    return;
                }
                Future<R> f = done.take();
                running.remove(f);
                inFlight--;
                R result;
                try {
                    result = f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
                if (!sink.test(result)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } finally {
            for (Future<R> f : running) {
                f.cancel(true);
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
}
