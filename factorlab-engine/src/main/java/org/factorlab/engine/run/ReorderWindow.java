package org.factorlab.engine.run;

import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.model.ResultSink;
import org.factorlab.engine.work.ChunkResult;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes chunk results in input order, whatever order the workers finish in.
 *
 * <p>A result that arrives early waits in a map until every earlier one has been written; since at most
 * {@code window} chunks are in flight (see {@link BoundedSource}), the map never holds more than that.
 * Each written result gives its permit back. Unordered, results are written as they come.
 *
 * <p>Thread-safe: workers call {@link #accept} from any thread; writing happens under the window's
 * lock, in the thread that completed the sequence.
 */
final class ReorderWindow implements ResultSink {
    private final ByteOutput out;
    private final PrintStream err;
    private final Semaphore permits;
    private final boolean ordered;
    private final ChunkSupplier supplier;
    private final Map<Long, ChunkResult> waiting = new HashMap<>();
    private final AtomicLong done = new AtomicLong();
    private long nextSequence;
    private long failed;
    private long busyNanos;
    private IOException writeFailure;
    private Runnable onWriteFailure = () -> { };

    ReorderWindow(ByteOutput out, PrintStream err, Semaphore permits, boolean ordered, ChunkSupplier supplier) {
        this.out = out;
        this.err = err;
        this.permits = permits;
        this.ordered = ordered;
        this.supplier = supplier;
    }

    void onWriteFailure(Runnable action) {
        this.onWriteFailure = action;
    }

    @Override
    public synchronized void accept(ChunkResult result) {
        if (!ordered) {
            write(result);
        } else {
            waiting.put(result.sequence(), result);
            for (ChunkResult next; (next = waiting.remove(nextSequence)) != null; nextSequence++) {
                write(next);
            }
        }
        if (supplier.waitingForInput()) {
            flush();
        }
    }

    private void write(ChunkResult r) {
        try {
            if (writeFailure == null) {
                out.write(r.output(), 0, r.output().length);
            }
        } catch (IOException e) {
            writeFailure = e;
            onWriteFailure.run();
        }
        for (String note : r.notes()) {
            err.println(note);
        }
        for (String e : r.errors()) {
            err.println(e);
        }
        failed += r.errors().size();
        busyNanos += r.busyNanos();
        done.addAndGet(r.count());
        permits.release();
    }

    /** Writes out what is buffered; safe to call from any thread. */
    synchronized void flush() {
        if (writeFailure == null) {
            try {
                out.flush();
            } catch (IOException e) {
                writeFailure = e;
                onWriteFailure.run();
            }
        }
    }

    /** Numbers written so far (read by the progress bar from another thread). */
    long done() {
        return done.get();
    }

    synchronized long failed() {
        return failed;
    }

    synchronized long busyNanos() {
        return busyNanos;
    }

    synchronized IOException writeFailure() {
        return writeFailure;
    }

    /** Results still waiting for an earlier one (0 after a complete run). */
    synchronized int pending() {
        return waiting.size();
    }
}
