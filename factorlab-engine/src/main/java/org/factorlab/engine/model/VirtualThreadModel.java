package org.factorlab.engine.model;

import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkProcessor;
import org.factorlab.engine.work.JobSpec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A new virtual thread for every chunk, at most N running at once (a semaphore). Virtual threads are
 * cheap to create and block, so this is the model for I/O-bound work; for CPU-bound work they run on
 * the JDK's carrier pool (one carrier per core), so they scale like platform threads.
 */
public final class VirtualThreadModel implements ExecutionModel {
    private final int workers;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public VirtualThreadModel(int workers) {
        this.workers = workers;
    }

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
        Semaphore running = new Semaphore(workers);
        TaskTracker tasks = new TaskTracker();
        try {
            for (Chunk chunk; !tasks.failed() && (chunk = source.next()) != null; ) {
                running.acquire();
                Chunk c = chunk;
                tasks.started();
                executor.execute(() -> {
                    Throwable thrown = null;
                    try {
                        sink.accept(new ChunkProcessor(job).process(c));
                    } catch (Throwable t) {
                        thrown = t;
                    } finally {
                        running.release();
                        tasks.finished(thrown);
                    }
                });
            }
            tasks.awaitAll();
        } catch (InterruptedException e) {
            PullWorkers.stop(executor);
            throw e;
        }
    }

    @Override
    public void close() {
        PullWorkers.stop(executor);
    }

    /** Registers {@code virtual}. */
    public static final class Provider extends NamedModelProvider {
        public Provider() {
            super("virtual", 20, "a virtual thread per chunk, N at once", o -> new VirtualThreadModel(o.workers()));
        }
    }
}
