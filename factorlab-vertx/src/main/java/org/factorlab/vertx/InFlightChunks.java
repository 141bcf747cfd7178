package org.factorlab.vertx;

import java.util.concurrent.CancellationException;

/**
 * Counts the chunks emitted onto the loop whose results have not yet reached the sink, so the emitter
 * can wait for the last one; keeps the first unexpected failure to rethrow; and can be aborted (the
 * model was closed under a running job) so that the waiting emitter never waits for events that will
 * not come. Thread-safe.
 */
final class InFlightChunks {
    private long count;
    private Throwable failure;
    private CancellationException aborted;

    /** The emitter calls this before it emits a chunk. */
    synchronized void started() {
        count++;
    }

    /** Called exactly once per emitted chunk, after its result went to the sink or with what went wrong. */
    synchronized void finished(Throwable thrown) {
        if (thrown != null && failure == null) {
            failure = thrown;
        }
        if (--count == 0 || thrown != null) {
            notifyAll();
        }
    }

    /** Wakes the waiting emitter, which then throws {@code reason}. */
    synchronized void abort(CancellationException reason) {
        if (aborted == null) {
            aborted = reason;
        }
        notifyAll();
    }

    /** Whether the emitter should stop emitting: a chunk failed, or the run was aborted. */
    synchronized boolean stopped() {
        return failure != null || aborted != null;
    }

    /** Waits until every emitted chunk has finished, then rethrows the first failure, if any. */
    synchronized void awaitAll() throws InterruptedException {
        while (count > 0 && aborted == null) {
            wait();
        }
        if (aborted != null) {
            throw aborted;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
