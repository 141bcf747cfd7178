package org.factorlab.engine.run;

import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.work.JobSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Runs one job end to end: chunks from a {@link ChunkSupplier}, through an {@link ExecutionModel},
 * into a {@link ReorderWindow} that writes them in order, and measures it.
 *
 * <pre>
 *  supplier ──► BoundedSource ──► model's workers ──► ReorderWindow ──► output
 *                  ▲  (window permits)                      │
 *                  └────────────── permit back ◄────────────┘
 * </pre>
 *
 * <p>Memory is bounded by the window: at most {@code window} chunks, and their results, exist at once.
 *
 * @param window   how many chunks may be in flight; at least 1
 * @param ordered  write results in input order (otherwise as they complete)
 * @param progress   receives the count of numbers done; may be {@link Progress#NONE}
 * @param measureCpu whether {@link RunStats#cpuNanos()} is measured (it loads the JVM's management
 *                   beans, tens of milliseconds of start-up that {@code factor} does not need)
 */
public record Pipeline(int window, boolean ordered, Progress progress, boolean measureCpu) {

    public Pipeline {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
    }

    /** A pipeline that measures CPU time. */
    public Pipeline(int window, boolean ordered, Progress progress) {
        this(window, ordered, progress, true);
    }

    /** The default window for {@code workers} workers: enough to keep all busy while one chunk lags. */
    public static int defaultWindow(int workers) {
        return Math.max(8, 4 * workers);
    }

    /**
     * Runs the job and returns its statistics. Output is flushed at the end.
     *
     * @throws IOException          if the output could not be written (e.g. a closed pipe) or the input read
     * @throws InterruptedException if the calling thread was interrupted (the model has stopped its workers)
     */
    public RunStats run(ExecutionModel model, JobSpec job, ChunkSupplier supplier, ByteOutput out, PrintStream err)
            throws IOException, InterruptedException {
        Semaphore permits = new Semaphore(window);
        BoundedSource source = new BoundedSource(supplier, permits);
        ReorderWindow sink = new ReorderWindow(out, err, permits, ordered, supplier);
        sink.onWriteFailure(source::stop);
        supplier.onWaitForInput(sink::flush);
        long cpu0 = measureCpu ? ProcessCpu.nanos() : -1;
        long ext0 = model.externalCpuNanos();
        long t0 = System.nanoTime();
        progress.start(supplier.total(), sink::done);
        try {
            model.execute(job, source, sink);
        } finally {
            progress.stop();
        }
        long wall = System.nanoTime() - t0;
        long cpu1 = measureCpu ? ProcessCpu.nanos() : -1;
        if (sink.writeFailure() != null) {
            throw sink.writeFailure();
        }
        if (source.failure() != null) {
            throw source.failure();
        }
        if (sink.pending() != 0) {
            throw new IllegalStateException(model.name() + " lost " + sink.pending() + " results");
        }
        sink.flush();
        if (sink.writeFailure() != null) {
            throw sink.writeFailure();
        }
        long cpu = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0 + (model.externalCpuNanos() - ext0);
        Map<String, String> details = new LinkedHashMap<>(model.details());
        return new RunStats(model.name(), model.workers(), sink.done(), sink.failed(), wall, cpu, sink.busyNanos(),
                details);
    }
}
