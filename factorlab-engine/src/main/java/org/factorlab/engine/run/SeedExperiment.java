package org.factorlab.engine.run;

import org.factorlab.core.Factorizer;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * The seed's first program, re-created: factor every number of a {@link RandomWorkload} in one loop
 * on the calling thread and write each result line.
 *
 * <p>Cancellation: the loop checks the thread's interrupt flag after every number and throws
 * {@link CancellationException} once it is set.
 */
public final class SeedExperiment {
    private SeedExperiment() {
    }

    /**
     * Runs the workload sequentially.
     *
     * @param format the line format, or {@code null} to write nothing ({@code --quiet})
     * @return the run's statistics
     * @throws IOException if the output cannot be written
     */
    public static RunStats runSequential(RandomWorkload workload, Factorizer factorizer, FactorFormat format,
                                         ByteOutput out) throws IOException {
        long[] factors = new long[64];
        long cpu0 = ProcessCpu.nanos();
        long t0 = System.nanoTime();
        for (long i = 0; i < workload.count(); i++) {
            long n = workload.number(i);
            int k = factorizer.factor(n, factors);
            if (format != null) {
                format.write(out, n, factors, k);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted after " + (i + 1) + " numbers");
            }
        }
        out.flush();
        long wall = System.nanoTime() - t0;
        long cpu1 = ProcessCpu.nanos();
        return new RunStats("sequential", 1, workload.count(), wall, cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0);
    }
}
