package org.factorlab.engine.run;

import org.factorlab.engine.model.ChunkSource;
import org.factorlab.engine.work.Chunk;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Hands a supplier's chunks to a model's workers, at most {@code window} at a time: a chunk takes a
 * permit when it is handed out and gives it back when its result has been written (by the
 * {@link ReorderWindow}). That single semaphore is the back-pressure of every model: however fast
 * workers run, no more than {@code window} chunks (and their results) are ever in memory.
 *
 * <p>The earliest chunk not yet written always holds a permit and is always being worked on, so the
 * window can never fill with results that wait for a chunk nobody took: there is no deadlock.
 */
final class BoundedSource implements ChunkSource {
    private final ChunkSupplier supplier;
    private final Semaphore permits;
    private boolean exhausted;
    private IOException failure;
    private volatile boolean stopped;

    BoundedSource(ChunkSupplier supplier, Semaphore permits) {
        this.supplier = supplier;
        this.permits = permits;
    }

    @Override
    public synchronized Chunk next() throws InterruptedException {
        if (exhausted || stopped) {
            return null;
        }
        permits.acquire();
        Chunk chunk;
        try {
            chunk = stopped ? null : supplier.next();
        } catch (IOException e) {
            failure = e;
            chunk = null;
        }
        if (chunk == null) {
            permits.release();
            exhausted = true;
        }
        return chunk;
    }

    /** Hands out no more chunks (the output is gone, or the run was cancelled). */
    void stop() {
        stopped = true;
    }

    /** The error that ended the input early, if any. */
    synchronized IOException failure() {
        return failure;
    }
}
