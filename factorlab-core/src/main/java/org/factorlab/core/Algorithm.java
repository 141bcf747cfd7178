package org.factorlab.core;

import org.factorlab.core.factor.AutoFactorizer;
import org.factorlab.core.factor.TrialDivision;

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

    public Factorizer factorizer() {
        return factorizer;
    }

    /** The lower-case name users type. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
