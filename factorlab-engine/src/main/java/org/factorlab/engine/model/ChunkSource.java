package org.factorlab.engine.model;

import org.factorlab.engine.work.Chunk;

/**
 * Where a model takes its work from: hands out the chunks of the input in sequence order.
 *
 * <p><b>Thread safety.</b> {@link #next()} may be called from any number of threads at once; each
 * chunk is handed out exactly once.
 *
 * <p><b>Back-pressure.</b> {@link #next()} blocks while too many chunks are in flight (taken but not
 * yet written out): this is what bounds every model's memory, whatever its queues.
 */
public interface ChunkSource {

    /**
     * The next chunk, or {@code null} once the input is exhausted (and for every later call).
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    Chunk next() throws InterruptedException;
}
