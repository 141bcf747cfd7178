package org.factorlab.core;

import org.factorlab.core.factor.AutoFactorizer;
import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.factor.TrialDivision;
import org.factorlab.core.parallel.UnitExecutor;

import java.util.Locale;

/** The factoring algorithms a user can choose by name ({@code --algorithm}). */
public enum Algorithm {
    /** The seed's plain trial division by 2, 3, 4, ...: the reference workload for comparing models. */
    TRIAL(new TrialDivision()),
    /** The fastest method for each size: see {@link AutoFactorizer}. */
    AUTO(new AutoFactorizer());

    private final Factorizer factorizer;

    Algorithm(Factorizer factorizer) {
        this.factorizer = factorizer;
    }

    /** The shared, single-threaded-per-number instance. */
    public Factorizer factorizer() {
        return factorizer;
    }

    /**
     * A factorizer that may spread the work on one big number over {@code executor} and reports the
     * progress of long kernels to {@code progress}. Trial division has no such work and ignores both.
     */
    public Factorizer factorizer(UnitExecutor executor, ProgressListener progress) {
        if (this == TRIAL || (executor == UnitExecutor.SAME_THREAD && progress == ProgressListener.NONE)) {
            return factorizer;
        }
        return new AutoFactorizer(executor, progress);
    }

    /** The lower-case name users type. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
