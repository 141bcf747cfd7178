package org.factorlab.core.factor;

import org.factorlab.core.arith.MontgomeryLimbs;

import java.math.BigInteger;
import java.util.concurrent.CancellationException;

/**
 * Brent's variant of Pollard's rho method for odd composite integers of any size, with a bound on
 * the number of steps: the cheap first attempt at small factors of numbers above 2^64, before
 * {@link Ecm}.
 *
 * <p>The algorithm, its invariant and its sources are those of Pollard–Brent rho on 64 bits (the first version of {@link Factor64#rho}) (Brent, BIT 20
 * (1980) 176–184; Crandall &amp; Pomerance, <i>Prime Numbers</i>, §5.2.1), here on
 * {@link MontgomeryLimbs} so that a step costs two multi-limb Montgomery products and no allocation.
 * One gcd (with {@link BigInteger}) is taken every {@value #BATCH} steps.
 *
 * <p><b>Cost and use.</b> Expected O(√p) steps for the least prime factor {@code p}; with the step
 * bound {@code maxSteps} it finds, with good probability, factors up to about {@code maxSteps^2}. It
 * is the right tool for factors up to ~10 digits; beyond that ECM wins. Checks for interruption every
 * batch.
 */
public final class PollardBrent {

    /** Steps between gcds: one BigInteger gcd per batch of products of differences. */
    static final int BATCH = 128;

    private PollardBrent() {
    }

    /**
     * Tries to split the odd composite {@code n} within about {@code maxSteps} iterations of
     * {@code x → x^2 + c} (for {@code c = 1, 2, …} in turn, restarting when a walk collapses).
     *
     * @return a nontrivial factor of {@code n}, or {@code null} if none was found within the bound
     * @throws CancellationException if the thread is interrupted
     */
    public static BigInteger factor(BigInteger n, long maxSteps) {
        MontgomeryLimbs mont = new MontgomeryLimbs(n);
        long stepsLeft = maxSteps;
        for (int c = 1; stepsLeft > 0; c++) {
            long[] cForm = mont.toMontgomery(BigInteger.valueOf(c));
            long[] start = mont.toMontgomery(BigInteger.valueOf(c + 2L));
            long[] used = {0};
            BigInteger g = attempt(mont, cForm, start, stepsLeft, used);
            stepsLeft -= used[0];
            if (g != null && !g.equals(n) && !g.equals(BigInteger.ONE)) {
                return g;
            }
        }
        return null;
    }

    /** One walk; returns a divisor {@code > 1} (possibly n), or null when the bound was reached. */
    private static BigInteger attempt(MontgomeryLimbs mont, long[] c, long[] start, long maxSteps,
                                      long[] used) {
        BigInteger n = mont.modulus();
        long[] y = start.clone();
        long[] x = y.clone();
        long[] ys = y.clone();
        long[] q = mont.one();
        long[] diff = mont.newElement();
        BigInteger g = BigInteger.ONE;
        long steps = 0;
        for (long r = 1; g.equals(BigInteger.ONE); r <<= 1) {
            System.arraycopy(y, 0, x, 0, y.length);
            for (long i = 0; i < r; i++) {
                step(mont, y, c);
            }
            steps += r;
            for (long k = 0; k < r && g.equals(BigInteger.ONE); k += BATCH) {
                System.arraycopy(y, 0, ys, 0, y.length);
                long batch = Math.min(BATCH, r - k);
                for (long i = 0; i < batch; i++) {
                    step(mont, y, c);
                    mont.sub(x, y, diff);
                    mont.mul(q, diff, q);
                }
                steps += batch;
                g = MontgomeryLimbs.toBigInteger(q).gcd(n);
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Pollard rho interrupted");
                }
            }
            if (g.equals(BigInteger.ONE) && steps >= maxSteps) {
                used[0] = steps;
                return null;
            }
        }
        used[0] = steps;
        if (g.equals(n)) {
            do {
                step(mont, ys, c);
                mont.sub(x, ys, diff);
                g = MontgomeryLimbs.toBigInteger(diff).gcd(n);
            } while (g.equals(BigInteger.ONE));
        }
        return g;
    }

    private static void step(MontgomeryLimbs mont, long[] y, long[] c) {
        mont.mul(y, y, y);
        mont.add(y, c, y);
    }
}
