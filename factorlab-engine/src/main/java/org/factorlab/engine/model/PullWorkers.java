package org.factorlab.engine.model;

import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkProcessor;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The loop of a model whose N workers each pull chunks from the shared source until it runs dry
 * ({@code threads}, {@code gil}): start N loops on the pool, wait for all, and on interrupt stop them.
 */
final class PullWorkers {
    /** What one worker does with a chunk it pulled (the GIL model wraps the processing in its lock). */
    interface Step {
        ChunkResult process(ChunkProcessor processor, Chunk chunk);
    }

    private PullWorkers() {
    }

    static void run(ExecutorService pool, int workers, JobSpec job, ChunkSource source, ResultSink sink, Step step)
            throws InterruptedException {
        List<Future<?>> loops = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            loops.add(pool.submit(() -> {
                ChunkProcessor processor = new ChunkProcessor(job);
                for (Chunk chunk; (chunk = source.next()) != null; ) {
                    sink.accept(step.process(processor, chunk));
                }
                return null;
            }));
        }
        try {
            for (Future<?> loop : loops) {
                loop.get();
            }
        } catch (InterruptedException e) {
            loops.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.SECONDS);
            throw e;
        } catch (ExecutionException e) {
            loops.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            throw Rethrow.unchecked(cause);
        }
    }

    /** Shuts a pool down, interrupting its threads, and waits up to a second for them to end. */
    static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
