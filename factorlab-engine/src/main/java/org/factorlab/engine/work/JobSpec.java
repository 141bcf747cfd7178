package org.factorlab.engine.work;

import org.factorlab.core.Algorithm;
import org.factorlab.engine.io.FactorFormat;

import java.util.Objects;

/**
 * What to do with every number of a job: which algorithm factors it, how its line is written, and
 * whether the result is checked. Like {@link Chunk}, a plain value that can travel to a child JVM.
 *
 * @param algorithm the factoring algorithm
 * @param format    the line format, or {@code null} to write nothing (a quiet run)
 * @param verify    whether every result is checked (product equals the number, every factor prime)
 */
public record JobSpec(Algorithm algorithm, FactorFormat format, boolean verify) {
    public JobSpec {
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
