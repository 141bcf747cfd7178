package org.factorlab.engine.model;

import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkProcessor;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A work-stealing {@link ForkJoinPool} of parallelism N: each chunk becomes a task that splits itself
 * in halves down to {@value #LEAF} numbers; idle workers steal the halves others have not reached.
 * Java's own answer to uneven work — a few hard numbers in a chunk do not leave the other cores idle.
 */
public final class ForkJoinModel implements ExecutionModel {
    /** Sub-chunks of at most this many numbers are computed directly. */
    static final int LEAF = 32;

    private final int workers;
    private final ForkJoinPool pool;

    public ForkJoinModel(int workers) {
        this.workers = workers;
        this.pool = new ForkJoinPool(workers);
    }

    @Override
    public String name() {
        return "forkjoin";
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
        ThreadLocal<ChunkProcessor> processors = ThreadLocal.withInitial(() -> new ChunkProcessor(job));
        TaskTracker tasks = new TaskTracker();
        // a few chunks per worker queued at once, so stealing has work to find without piling it up
        Semaphore queued = new Semaphore(4 * workers);
        try {
            for (Chunk chunk; !tasks.failed() && (chunk = source.next()) != null; ) {
                Chunk c = chunk;
                queued.acquire();
                tasks.started();
                pool.execute(() -> {
                    Throwable thrown = null;
                    try {
                        sink.accept(new Split(c, 0, c.size(), processors).invoke());
                    } catch (Throwable t) {
                        thrown = t;
                    } finally {
                        queued.release();
                        tasks.finished(thrown);
                    }
                });
            }
            tasks.awaitAll();
        } catch (InterruptedException e) {
            stop();
            throw e;
        }
    }

    private void stop() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Numbers [from, to) of a chunk: computed directly when small, else split in two. */
    private static final class Split extends RecursiveTask<ChunkResult> {
        private final Chunk chunk;
        private final int from;
        private final int to;
        private final transient ThreadLocal<ChunkProcessor> processors;

        Split(Chunk chunk, int from, int to, ThreadLocal<ChunkProcessor> processors) {
            this.chunk = chunk;
            this.from = from;
            this.to = to;
            this.processors = processors;
        }

        @Override
        protected ChunkResult compute() {
            if (to - from <= LEAF) {
                long[] numbers = Arrays.copyOfRange(chunk.numbers(), from, to);
                BigInteger[] big = chunk.big() == null ? null : Arrays.copyOfRange(chunk.big(), from, to);
                return processors.get().process(new Chunk(chunk.sequence(), numbers, big));
            }
            int middle = (from + to) >>> 1;
            Split right = new Split(chunk, middle, to, processors);
            right.fork();
            ChunkResult left = new Split(chunk, from, middle, processors).compute();
            return concat(left, right.join());
        }

        private static ChunkResult concat(ChunkResult a, ChunkResult b) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(a.output().length + b.output().length);
            bytes.writeBytes(a.output());
            bytes.writeBytes(b.output());
            List<String> errors = new ArrayList<>(a.errors());
            errors.addAll(b.errors());
            List<String> notes = new ArrayList<>(a.notes());
            notes.addAll(b.notes());
            return new ChunkResult(a.sequence(), a.count() + b.count(), bytes.toByteArray(), errors,
                    a.busyNanos() + b.busyNanos(), notes);
        }
    }

    /** Registers {@code forkjoin}. */
    public static final class Provider extends NamedModelProvider {
        public Provider() {
            super("forkjoin", 30, "a work-stealing ForkJoinPool of parallelism N", o -> new ForkJoinModel(o.workers()));
        }
    }
}
