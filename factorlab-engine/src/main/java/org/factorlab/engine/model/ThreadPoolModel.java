package org.factorlab.engine.model;

import org.factorlab.engine.work.JobSpec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of N platform threads, each pulling chunks from the shared source: classic
 * multithreading. On the JVM there is no GIL, so CPU-bound work scales with the cores.
 */
public final class ThreadPoolModel implements ExecutionModel {
    private final int workers;
    private final ExecutorService pool;

    public ThreadPoolModel(int workers) {
        this.workers = workers;
        AtomicInteger id = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers,
                r -> Thread.ofPlatform().name("factorlab-thread-" + id.incrementAndGet()).daemon().unstarted(r));
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
        PullWorkers.run(pool, workers, job, source, sink, (processor, chunk) -> processor.process(chunk));
    }

    @Override
    public void close() {
        PullWorkers.stop(pool);
    }

    /** Registers {@code threads}. */
    public static final class Provider extends NamedModelProvider {
        public Provider() {
            super("threads", 10, "a fixed pool of N platform threads", o -> new ThreadPoolModel(o.workers()));
        }
    }
}
