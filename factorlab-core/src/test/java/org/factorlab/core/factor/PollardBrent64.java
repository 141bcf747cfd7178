package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery64;

import java.util.concurrent.CancellationException;

/**
 * <i>Kept in the tests as the baseline of the first-generation 64-bit path ({@link LegacyFactor64}),
 * which {@link Factor64} replaced.</i>
 *
 * Brent's variant of Pollard's rho method for odd composite unsigned 64-bit numbers, in Montgomery
 * arithmetic, allocation-free.
 *
 * <p><b>Idea.</b> Iterate {@code f(x) = x^2 + c mod n}. Modulo an unknown prime {@code p | n} the
 * sequence becomes periodic after about √p steps (birthday paradox), and then {@code p} divides
 * {@code x_i − x_j} for the right pair, which {@code gcd(x_i − x_j, n)} reveals. Brent compares
 * {@code x_j} only against {@code x_(2^k)} for {@code 2^k < j ≤ 2^(k+1)}, which needs one
 * evaluation of {@code f} per step instead of three, and multiplies the differences of
 * {@value #BATCH} steps together so that one gcd serves a whole batch. If a batch's product is
 * divisible by all of {@code n} (two primes collided in the same batch), the batch is replayed one
 * gcd at a time from its saved start; if even that yields {@code n}, the constant {@code c} is
 * changed and the search restarts.
 *
 * <p><b>Invariant.</b> The product {@code q} is a multiple of every difference taken since the last
 * gcd, so {@code gcd(q, n) > 1} iff one of those differences shares a factor with {@code n}. Working
 * in Montgomery form multiplies every value by the unit {@code R}, which changes no gcd with
 * {@code n}; {@code x^2 + c} in Montgomery form is still a polynomial map, so the rho argument holds.
 *
 * <p><b>Cost.</b> Expected O(√p) multiplications for the least prime factor {@code p}: about 2^16
 * steps (a fraction of a millisecond) when {@code p ≈ 2^32}. Checks for interruption every batch.
 *
 * <p><b>Sources.</b> J. M. Pollard, "A Monte Carlo method for factorization", BIT 15 (1975) 331–334;
 * R. P. Brent, "An improved Monte Carlo factorization algorithm", BIT 20 (1980) 176–184; Crandall
 * &amp; Pomerance, <i>Prime Numbers</i>, §5.2.1.
 */
public final class PollardBrent64 {

    static final int BATCH = 128;

    private PollardBrent64() {
    }

    /**
     * A nontrivial factor of {@code n}, which must be odd and composite.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static long factor(long n) {
        return factor(n, Long.MAX_VALUE);
    }

    /**
     * A nontrivial factor of the odd composite {@code n} found within about {@code maxSteps}
     * iterations in all, or 0 if none was (rho then finds factors up to about {@code maxSteps^2}).
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static long factor(long n, long maxSteps) {
        long nInv = Montgomery64.inverse(n);
        long one = Montgomery64.one(n);
        long c = one;
        long start = one;
        long budget = maxSteps;
        while (budget > 0) {
            c = Montgomery64.add(c, one, n); // c = 2, 3, 4, ... (in Montgomery form)
            start = Montgomery64.add(start, one, n);
            long f = attempt(n, nInv, c, start, one, budget);
            if (f != n && f != 1) {
                return f;
            }
            // A failed walk (f == n) used at most the budget; charge it conservatively by halving.
            budget = f == 1 ? 0 : budget - Math.max(1, budget >>> 1);
        }
        return 0;
    }

    /**
     * One rho walk with constant {@code c} from {@code start}: a divisor of n (possibly n itself), or 1
     * if {@code maxSteps} iterations found nothing.
     */
    static long attempt(long n, long nInv, long c, long start, long one, long maxSteps) {
        long y = start;
        long x = y;
        long ys = y;
        long q = one;
        long g = 1;
        for (long r = 1; g == 1; r <<= 1) {
            x = y;
            for (long i = 0; i < r; i++) {
                y = Montgomery64.add(Montgomery64.mul(y, y, n, nInv), c, n);
            }
            for (long k = 0; k < r && g == 1; k += BATCH) {
                ys = y;
                long steps = Math.min(BATCH, r - k);
                for (long i = 0; i < steps; i++) {
                    y = Montgomery64.add(Montgomery64.mul(y, y, n, nInv), c, n);
                    q = Montgomery64.mul(q, Montgomery64.sub(x, y, n), n, nInv);
                }
                g = Montgomery64.gcd(q, n);
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Pollard rho interrupted");
                }
            }
            if (g == 1 && r >= maxSteps) {
                return 1;
            }
        }
        if (g == n) {
            // Replay the last batch step by step to separate the collision.
            do {
                ys = Montgomery64.add(Montgomery64.mul(ys, ys, n, nInv), c, n);
                g = Montgomery64.gcd(Montgomery64.sub(x, ys, n), n);
            } while (g == 1);
        }
        return g;
    }
}
