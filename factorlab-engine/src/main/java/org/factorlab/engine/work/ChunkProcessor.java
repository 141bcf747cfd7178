package org.factorlab.engine.work;

import org.factorlab.core.Factorization;
import org.factorlab.core.Factorizer;
import org.factorlab.core.factor.AutoFactorizer;
import org.factorlab.core.factor.FactorStep;
import org.factorlab.core.parallel.ThreadUnitExecutor;
import org.factorlab.core.parallel.UnitExecutor;
import org.factorlab.engine.io.ByteOutput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Does the work of one chunk: factors each number, writes its line, checks it when asked. Every
 * execution model calls this same code, in whichever thread or process it runs, so all models produce
 * the same bytes.
 *
 * <p>Not thread-safe (it reuses buffers): one instance per worker thread.
 */
public final class ChunkProcessor {
    private final JobSpec job;
    private final Factorizer factorizer;
    private final long[] factors = new long[64];
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
    private final ByteOutput out = new ByteOutput(bytes, 1 << 13);
    /** The executor big numbers spread their work over, or null when each number keeps to one thread. */
    private final ThreadUnitExecutor shared;

    public ChunkProcessor(JobSpec job) {
        this.job = job;
        this.shared = job.numberThreads() == 1 ? null : ThreadUnitExecutor.shared(job.numberThreads());
        this.factorizer = job.algorithm().factorizer(shared == null ? UnitExecutor.SAME_THREAD : shared,
                KernelProgress.get());
    }

    /**
     * Processes one chunk.
     *
     * @param between called between numbers (the GIL model uses it to take turns); may be null. Time
     *                spent in it does not count as busy time.
     * @throws CancellationException if the thread is interrupted
     */
    public ChunkResult process(Chunk chunk, Runnable between) {
        // While this worker has a chunk it holds a core of the shared executor, so other workers'
        // numbers take helpers only from cores no worker is using (ThreadUnitExecutor#occupy).
        try (ThreadUnitExecutor.Occupancy held = shared == null ? null : shared.occupy()) {
            return processHeld(chunk, between);
        }
    }

    private ChunkResult processHeld(Chunk chunk, Runnable between) {
        long t0 = System.nanoTime();
        long waited = 0;
        List<String> errors = new ArrayList<>(0);
        List<String> notes = job.trace() ? new ArrayList<>(chunk.size()) : List.of();
        bytes.reset();
        try {
            for (int i = 0; i < chunk.size(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("interrupted");
                }
                if (between != null && i > 0) {
                    long w0 = System.nanoTime();
                    between.run();
                    waited += System.nanoTime() - w0;
                }
                if (job.trace()) {
                    processTraced(chunk.number(i), errors, notes);
                } else if (chunk.isBig(i)) {
                    processBig(chunk, i, errors);
                } else {
                    processSmall(chunk.numbers()[i], errors);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the stream is in memory
        }
        // busy time leaves out the time spent in the hook (for the GIL model: waiting for the lock)
        long busy = System.nanoTime() - t0 - waited;
        return new ChunkResult(chunk.sequence(), chunk.size(), bytes.toByteArray(), errors, busy, notes);
    }

    /** Processes one chunk with no hook between numbers. */
    public ChunkResult process(Chunk chunk) {
        return process(chunk, null);
    }

    private void processSmall(long n, List<String> errors) throws IOException {
        int k = factorizer.factor(n, factors);
        if (job.format() != null) {
            job.format().write(out, n, factors, k);
        }
        if (job.verify() && !Verifier.check(n, factors, k)) {
            errors.add(verificationFailure(Factorization.ofUnsigned(n, factors, k)));
        }
    }

    private void processBig(Chunk chunk, int i, List<String> errors) throws IOException {
        Factorization fz = factorizer.factor(chunk.big()[i]);
        if (job.format() != null) {
            job.format().write(out, fz);
        }
        if (job.verify() && !Verifier.check(fz)) {
            errors.add(verificationFailure(fz));
        }
    }

    /** Factors one number with a trace of how ({@code factor -v}): the result line, plus a note. */
    private void processTraced(BigInteger n, List<String> errors, List<String> notes) throws IOException {
        List<FactorStep> steps = new ArrayList<>();
        long t0 = System.nanoTime();
        Factorization fz;
        if (factorizer instanceof AutoFactorizer auto) {
            fz = auto.factor(n, steps::add);
        } else {
            fz = factorizer.factor(n);
            long nanos = System.nanoTime() - t0;
            for (BigInteger p : fz.factors()) {
                steps.add(new FactorStep(p, job.algorithm().cliName(), nanos));
            }
        }
        notes.add(TraceLine.format(n, steps, System.nanoTime() - t0));
        if (job.format() != null) {
            job.format().write(out, fz);
        }
        if (job.verify() && !Verifier.check(fz)) {
            errors.add(verificationFailure(fz));
        }
    }

    /** The message for a result that failed {@code --verify}. */
    public static String verificationFailure(Factorization fz) {
        return "factorlab: verification failed for " + fz.number() + ": " + fz.factors();
    }
}
