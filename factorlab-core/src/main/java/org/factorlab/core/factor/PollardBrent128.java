package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery128;

import java.util.concurrent.CancellationException;

/**
 * Brent's variant of Pollard's rho method for odd composites below 2^127, in two-word
 * {@link Montgomery128} arithmetic: the algorithm of the 64-bit rho in {@link Factor64} (same invariant, same
 * batching of {@value #BATCH} differences per gcd, same replay when a batch's gcd is all of
 * {@code n}) with 128-bit values kept in pairs of {@code long}s and no allocation in the walk.
 *
 * <p><b>Cost.</b> Expected O(√p) steps for the least prime factor {@code p}, each step one squaring
 * and one multiplication: a factor near 2^26 takes about 10^4 steps. Meant for the small factors of
 * a cofactor before {@link Ecm128} takes over: a budget of 2^13 steps costs about as much as six
 * ECM curves at B1 = 200, which already find most 26- to 30-bit factors.
 *
 * <p><b>Sources.</b> J. M. Pollard, BIT 15 (1975) 331–334; R. P. Brent, BIT 20 (1980) 176–184;
 * Crandall &amp; Pomerance, <i>Prime Numbers</i>, §5.2.1. Thread-safe (state is per call);
 * checks for interruption every batch.
 */
public final class PollardBrent128 {

    static final int BATCH = 128;

    private PollardBrent128() {
    }

    /**
     * A nontrivial factor of the odd composite modulus of {@code m}, found within about
     * {@code maxSteps} iterations, or {@code false} if none was; the factor is left in
     * ({@code m.hi}, {@code m.lo}).
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static boolean factor(Montgomery128 m, long maxSteps) {
        long ch = m.oneHi;
        long cl = m.oneLo;
        long budget = maxSteps;
        while (budget > 0) {
            m.add(ch, cl, m.oneHi, m.oneLo); // c = 2, 3, 4, ... (forms)
            ch = m.hi;
            cl = m.lo;
            int result = attempt(m, ch, cl, budget);
            if (result > 0) {
                return true;
            }
            budget = result == 0 ? 0 : budget - Math.max(1, budget >>> 1);
        }
        return false;
    }

    /**
     * One walk of {@code x → x^2 + c} from {@code c}: 1 with a proper factor in (m.hi, m.lo), 0 if the
     * step budget ran out, −1 if the walk only found {@code n} itself.
     */
    static int attempt(Montgomery128 m, long ch, long cl, long maxSteps) {
        long nh = m.nHi;
        long nl = m.nLo;
        long yh = ch;
        long yl = cl;
        long xh;
        long xl;
        long ysh = yh;
        long ysl = yl;
        long qh = m.oneHi;
        long ql = m.oneLo;
        boolean found = false;
        long r = 1;
        while (true) {
            xh = yh;
            xl = yl;
            for (long i = 0; i < r; i++) {
                m.square(yh, yl);
                m.add(m.hi, m.lo, ch, cl);
                yh = m.hi;
                yl = m.lo;
            }
            for (long k = 0; k < r && !found; k += BATCH) {
                ysh = yh;
                ysl = yl;
                long steps = Math.min(BATCH, r - k);
                for (long i = 0; i < steps; i++) {
                    m.square(yh, yl);
                    m.add(m.hi, m.lo, ch, cl);
                    yh = m.hi;
                    yl = m.lo;
                    m.sub(xh, xl, yh, yl);
                    m.mul(qh, ql, m.hi, m.lo);
                    qh = m.hi;
                    ql = m.lo;
                }
                m.gcdWithModulus(qh, ql);
                found = m.hi != 0 || m.lo != 1;
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Pollard rho interrupted");
                }
            }
            if (found) {
                break;
            }
            if (r >= maxSteps) {
                return 0;
            }
            r <<= 1;
        }
        if (m.hi == nh && m.lo == nl) {
            // Replay the last batch one gcd at a time to separate the collision.
            do {
                m.square(ysh, ysl);
                m.add(m.hi, m.lo, ch, cl);
                ysh = m.hi;
                ysl = m.lo;
                m.sub(xh, xl, ysh, ysl);
                m.gcdWithModulus(m.hi, m.lo);
            } while (m.hi == 0 && m.lo == 1);
        }
        return m.hi == nh && m.lo == nl ? -1 : 1;
    }
}
