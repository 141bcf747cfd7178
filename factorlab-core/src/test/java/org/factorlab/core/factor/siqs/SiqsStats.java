package org.factorlab.core.factor.siqs;

import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.parallel.UnitExecutor;

import java.math.BigInteger;

/**
 * Tuning harness (not a test): for each parameter set ({@code fb:blocks:lp:slack:sp:abits} as in
 * {@link SiqsParamRace}), factors the same seeded numbers on one thread and prints the run's
 * statistics. The counts (polynomials, relations, candidates) do not depend on the machine's load,
 * unlike the times; with {@code -Dfactorlab.siqs.stats=true} the candidates checked and the time spent
 * checking them are counted too.
 *
 * <pre>java -Dfactorlab.siqs.stats=true -cp ... org.factorlab.core.factor.siqs.SiqsStats 60 1 :::14:: :::24::</pre>
 */
public final class SiqsStats {
    private SiqsStats() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        for (int r = 0; r < count; r++) {
            BigInteger n = SiqsTune.number(size, r);
            for (int s = 2; s < args.length; s++) {
                SiqsParameters p = SiqsParamRace.parse(n.toString().length(), args[s]);
                PolynomialSieve.CANDIDATES.set(0);
                PolynomialSieve.CHECK_NANOS.set(0);
                long t0 = System.nanoTime();
                BigInteger f = Siqs.factor(n, p, UnitExecutor.SAME_THREAD, ProgressListener.NONE);
                if (f == null || n.mod(f).signum() != 0) {
                    throw new AssertionError(n + " " + args[s]);
                }
                System.out.printf("%s %.1f s %s candidates=%d check=%.2fs%n", args[s], (System.nanoTime() - t0) / 1e9,
                        Siqs.lastStats, PolynomialSieve.CANDIDATES.get(), PolynomialSieve.CHECK_NANOS.get() / 1e9);
            }
        }
    }
}
