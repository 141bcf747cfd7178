package org.factorlab.engine.model;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.run.ChunkSupplier;
import org.factorlab.engine.run.Pipeline;
import org.factorlab.engine.run.Progress;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.work.JobSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs jobs through the real pipeline for model tests. */
final class Jobs {
    record Outcome(String out, String err, RunStats stats) {
    }

    private Jobs() {
    }

    static Outcome run(ExecutionModel model, JobSpec job, ChunkSupplier input, boolean ordered) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Pipeline pipeline = new Pipeline(Pipeline.defaultWindow(model.workers()), ordered, Progress.NONE);
            RunStats stats = pipeline.run(model, job, input, new ByteOutput(out), errStream);
            return new Outcome(out.toString(StandardCharsets.US_ASCII), err.toString(StandardCharsets.UTF_8), stats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Outcome run(String modelName, int workers, JobSpec job, ChunkSupplier input) {
        try (ExecutionModel model = ModelRegistry.create(modelName, ModelOptions.workers(workers))) {
            return run(model, job, input, true);
        }
    }

    static RandomChunks seedWorkload(long seed, long count, int chunk) {
        return new RandomChunks(new RandomWorkload(seed, count, 20_000, 100_000_000), chunk);
    }

    static JobSpec gnu(Algorithm algorithm) {
        return new JobSpec(algorithm, FactorFormat.GNU, false);
    }
}
