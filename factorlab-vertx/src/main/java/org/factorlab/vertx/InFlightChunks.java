package org.factorlab.vertx;

import org.factorlab.engine.model.Rethrow;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Counts the chunks emitted onto the loop that have not finished — their result reached the sink, or
 * they were dropped after a cancellation — so the emitter can wait for the last one; keeps the first
 * unexpected failure to rethrow; and can be aborted (the run was cancelled) so that the emitter stops
 * waiting at once, while {@code close()} can still wait for the dropped chunks to drain before it shuts
 * the loop and the workers down. Thread-safe.
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

    /**
     * Waits until no chunk is in flight or the deadline ({@link System#nanoTime()}) has passed, ignoring
     * interrupts meanwhile but keeping the interrupt status.
     */
    synchronized void awaitDrained(long deadlineNanos) {
        boolean interrupted = false;
        try {
            for (long left; count > 0 && (left = deadlineNanos - System.nanoTime()) > 0; ) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
        if (failure != null) {
            throw Rethrow.unchecked(failure);
        }
    }
}
