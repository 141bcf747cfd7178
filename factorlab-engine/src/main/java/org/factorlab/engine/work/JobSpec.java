package org.factorlab.engine.work;

import org.factorlab.core.Algorithm;
import org.factorlab.engine.io.FactorFormat;

import java.util.Objects;

/**
 * What to do with every number of a job: which algorithm factors it, how its line is written, and
 * whether the result is checked. Like {@link Chunk}, a plain value that can travel to a child JVM.
 *
 * @param algorithm     the factoring algorithm
 * @param format        the line format, or {@code null} to write nothing (a quiet run)
 * @param verify        whether every result is checked (product equals the number, every factor prime)
 * @param trace         whether to note, per number, which method found each factor and how long it
 *                      took ({@code factor -v}; the notes go to standard error)
 * @param numberThreads how many threads may work on one big number at once (ECM curves, SIQS
 *                      sieving); 1 keeps each number on the thread that took it
 */
public record JobSpec(Algorithm algorithm, FactorFormat format, boolean verify, boolean trace, int numberThreads) {
    public JobSpec {
        Objects.requireNonNull(algorithm, "algorithm");
        if (numberThreads < 1) {
            throw new IllegalArgumentException("numberThreads must be at least 1: " + numberThreads);
        }
    }

    /** A job without tracing that keeps each number on one thread. */
    public JobSpec(Algorithm algorithm, FactorFormat format, boolean verify) {
        this(algorithm, format, verify, false, 1);
    }
}
