package org.factorlab.engine.model;

import org.factorlab.engine.work.JobSpec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N platform threads that must hold one global lock to compute: CPython's Global Interpreter Lock,
 * made visible on the JVM. However many threads there are, one computes at a time, so CPU-bound work
 * runs no faster than sequentially (a little slower, for the hand-offs).
 *
 * <p>As in CPython 3 ({@code sys.setswitchinterval}, default 5 ms), the holder keeps the lock until it
 * has held it for the switch interval while another thread waits, then hands it over. The holder
 * checks between numbers — as CPython checks between bytecodes, so one long call (here: one huge
 * number) holds the lock throughout. A thread also gives the lock up while it hands in its result and
 * takes the next chunk, as CPython releases it around I/O.
 *
 * <p>The summary reports hand-offs per second and the longest any thread waited for the lock.
 */
public final class GilModel implements ExecutionModel {
    private final int workers;
    private final Gil gil;
    private final ExecutorService pool;
    private long wallNanos;

    public GilModel(int workers, Duration switchInterval) {
        this.workers = workers;
        this.gil = new Gil(switchInterval);
        AtomicInteger id = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers,
                r -> Thread.ofPlatform().name("factorlab-gil-" + id.incrementAndGet()).daemon().unstarted(r));
    }

    @Override
    public String name() {
        return "gil";
    }

    @Override
    public int workers() {
        return workers;
    }

    /** The lock, for its counters. */
    public Gil gil() {
        return gil;
    }

    @Override
    public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            PullWorkers.run(pool, workers, job, source, sink, (processor, chunk) -> {
                gil.acquire();
                try {
                    return processor.process(chunk, gil::yieldIfRequested);
                } finally {
                    gil.release();
                }
            });
        } finally {
            wallNanos += System.nanoTime() - t0;
        }
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        double seconds = Math.max(wallNanos, 1) / 1e9;
        d.put("switch_interval", String.format(Locale.ROOT, "%.1fms", gil.intervalNanos() / 1e6));
        d.put("handoffs", Long.toString(gil.handoffs()));
        d.put("handoffs_per_s", String.format(Locale.ROOT, "%.0f", gil.handoffs() / seconds));
        d.put("longest_wait", String.format(Locale.ROOT, "%.1fms", gil.longestWaitNanos() / 1e6));
        return d;
    }

    @Override
    public void close() {
        PullWorkers.stop(pool);
    }

    /** Registers {@code gil}. */
    public static final class Provider extends NamedModelProvider {
        public Provider() {
            super("gil", 50, "N threads that take turns holding one global lock, like CPython's GIL",
                    o -> new GilModel(o.workers(), o.switchInterval()));
        }
    }
}
