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
    public static final class Provider extends NamedModelProvider {
        public Provider() {
            super("sequential", 0, "one loop on the calling thread (the seed's first program)",
                    o -> new SequentialModel());
        }
    }
}
