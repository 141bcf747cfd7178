package org.factorlab.core.factor.siqs;

import org.factorlab.core.parallel.WorkUnit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Sieves every polynomial of the A-coefficients {@code firstA … firstA + aCount − 1} of one SIQS run
 * and returns the relations found. A pure function of its fields: A number {@code i} is drawn from a
 * generator seeded by {@code params.seed()} and {@code i}; the factor base is rebuilt, or taken from
 * the per-JVM cache, from {@code (n, multiplier, params)}.
 *
 * @param n          the number being factored
 * @param multiplier the Knuth–Schroeppel multiplier k (the sieve works on kN)
 * @param params     the run's parameters
 * @param firstA     index of the first A-coefficient
 * @param aCount     number of A-coefficients
 */
public record SieveUnit(BigInteger n, int multiplier, SiqsParameters params, long firstA, int aCount)
        implements WorkUnit<SieveResult> {

    @Override
    public SieveResult compute() {
        FactorBase fb = FactorBase.get(n, multiplier, params);
        PolynomialSieve sieve = PolynomialSieve.forThread(fb, params);
        List<Relation> out = new ArrayList<>();
        long polys = 0;
        for (long a = firstA; a < firstA + aCount; a++) {
            polys += sieve.sieveA(a, out);
        }
        return new SieveResult(firstA, aCount, out.toArray(new Relation[0]), polys);
    }
}
