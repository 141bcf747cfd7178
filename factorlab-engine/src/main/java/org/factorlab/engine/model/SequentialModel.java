package org.factorlab.engine.model;

import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkProcessor;
import org.factorlab.engine.work.JobSpec;

/**
 * One loop on the calling thread: the seed's first program. Every other model is measured against it.
 * It starts nothing, so {@link #close()} has nothing to release.
 */
public final class SequentialModel implements ExecutionModel {

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
        ChunkProcessor processor = new ChunkProcessor(job);
        for (Chunk chunk; (chunk = source.next()) != null; ) {
            sink.accept(processor.process(chunk));
        }
    }

    @Override
    public void close() {
    }

    /** Registers {@code sequential}. */
    public static final class Provider implements ModelProvider {
        @Override
        public String name() {
            return "sequential";
        }

        @Override
        public String description() {
            return "one loop on the calling thread (the seed's first program)";
        }

        @Override
        public int order() {
            return 0;
        }

        @Override
        public ExecutionModel create(ModelOptions options) {
            return new SequentialModel();
        }
    }
}
