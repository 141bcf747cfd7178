package org.factorlab.cli;

import org.factorlab.core.factor.ProgressListener;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelRegistry;
import org.factorlab.engine.run.ChunkSupplier;
import org.factorlab.engine.run.Pipeline;
import org.factorlab.engine.run.Progress;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.work.JobSpec;
import org.factorlab.engine.work.KernelProgress;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * Runs one job for a command: creates the model, guards it against Ctrl-C, runs the pipeline, and
 * always releases the model.
 */
final class JobRunner {
    private JobRunner() {
    }

    static RunStats run(Streams streams, String modelName, ModelOptions options, JobSpec job, ChunkSupplier supplier,
                        boolean ordered, boolean printsResults, ByteOutput out) throws IOException, InterruptedException {
        return run(streams, modelName, options, job, supplier, ordered, printsResults, true, out);
    }

    /**
     * Runs one job; {@code measureCpu} false skips the CPU-time statistic (for commands that print no
     * statistics, such as {@code factor}, it saves loading the management beans at start-up).
     */
    static RunStats run(Streams streams, String modelName, ModelOptions options, JobSpec job, ChunkSupplier supplier,
                        boolean ordered, boolean printsResults, boolean measureCpu, ByteOutput out)
            throws IOException, InterruptedException {
        try (ExecutionModel model = ModelRegistry.create(modelName, options);
             ShutdownGuard guard = new ShutdownGuard(model)) {
            Progress progress = progress(streams, printsResults);
            KernelProgress.set(kernelProgress(streams, progress));
            Pipeline pipeline = new Pipeline(Pipeline.defaultWindow(options.workers()), ordered, progress, measureCpu);
            try {
                return pipeline.run(model, job, supplier, out, streams.err());
            } catch (RuntimeException e) {
                if (guard.triggered()) {
                    // a signal is stopping the run: whatever broke on the way down is part of that
                    throw new CancellationException("stopped by a signal");
                }
                throw e;
            } finally {
                KernelProgress.set(ProgressListener.NONE);
            }
        }
    }

    /**
     * Where long kernels (ECM, SIQS) report: a note on the batch progress line when there is one, else
     * their own line when standard error is a terminal, else nowhere.
     */
    private static ProgressListener kernelProgress(Streams streams, Progress batch) {
        if (batch.shown()) {
            return KernelProgressLine.onBatchLine(batch);
        }
        boolean errTty = Boolean.getBoolean("factorlab.stderr.tty") && streams.err() == System.err;
        return errTty ? KernelProgressLine.ownLine(streams.err()) : ProgressListener.NONE;
    }

    /**
     * A progress line when standard error is a terminal and standard output is not (so the line does not
     * interleave with results on the screen). The launcher tells the JVM which streams are terminals.
     */
    private static Progress progress(Streams streams, boolean printsResults) {
        boolean errTty = Boolean.getBoolean("factorlab.stderr.tty");
        boolean outTty = Boolean.getBoolean("factorlab.stdout.tty");
        boolean show = errTty && !(outTty && printsResults) && streams.err() == System.err;
        return show ? new Progress(streams.err()) : Progress.NONE;
    }
}
