package org.factorlab.core.factor;

import org.factorlab.core.Factorization;
import org.factorlab.core.Factorizer;
import org.factorlab.core.Unsigned;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The seed's algorithm, kept as the reference workload: trial division by every integer
 * {@code d = 2, 3, 4, 5, …} (not only primes) while {@code d·d ≤ n}.
 *
 * <p><b>Why it is correct.</b> Dividing by composite {@code d} never finds anything, because every
 * prime factor of {@code d} was smaller and has already been divided out; so each divisor collected
 * is prime. See the loop invariant in {@link #divide}.
 *
 * <p><b>Cost.</b> Up to √n divisions: instant for numbers with only small factors, about 2^32
 * divisions (seconds) for a 64-bit prime or a product of two 32-bit primes, hopeless for large
 * semiprimes. That is the point: it is the seed's cost model, the constant workload against which the
 * execution models are compared. Use {@link AutoFactorizer} to actually factor numbers.
 *
 * <p><b>Source.</b> The schoolbook method (Crandall &amp; Pomerance, <i>Prime Numbers</i>, §3.1.1).
 * Stateless, thread-safe, allocation-free on the 64-bit path; checks for interruption about every
 * 65 536 divisions.
 */
public final class TrialDivision implements Factorizer {

    private static final int CHECK_MASK = 0xFFFF;
    private static final long MAX_32 = 0xFFFF_FFFFL;

    @Override
    public int factor(long n, long[] out) {
        return divide(n, 2, out, 0);
    }

    /**
     * Divides the unsigned {@code n} by {@code d, d+1, …}, appending prime factors to {@code out}
     * from {@code count}; the caller guarantees {@code n} has no divisor in {@code [2, d)}.
     *
     * @return the new count
     */
    static int divide(long n, long d, long[] out, int count) {
        if (Long.compareUnsigned(n, 2) < 0) {
            return count;
        }
        // Invariant: n (the cofactor still to be factored, > 1) has no divisor in [2, d), so its
        // least divisor > 1 is prime and >= d. If d·d > n, a composite n would have a factor <= √n < d,
        // which is impossible: n is then prime and the loop may stop. d·d is computed exactly because
        // d <= 2^32 - 1 whenever the test runs (√n < 2^32), so the product fits 64 unsigned bits.
        while (n < 0) { // n >= 2^63: unsigned division until the cofactor drops below 2^63
            if (d > MAX_32 || Long.compareUnsigned(d * d, n) > 0) {
                out[count++] = n;
                return count;
            }
            if (Long.remainderUnsigned(n, d) == 0) {
                n = Long.divideUnsigned(n, d);
                out[count++] = d;
            } else {
                d++;
                checkInterrupt(d);
            }
        }
        // Same invariant; here n < 2^63. Inside the loop d <= √n + 1 < 2^32, so d·d < 2^64 is exact
        // when read as unsigned (it can exceed 2^63 - 1, so the signed compare would be wrong).
        if (d > MAX_32) {
            out[count++] = n;
            return count;
        }
        if (n <= Integer.MAX_VALUE) {
            return divideInt((int) n, (int) d, out, count);
        }
        while (Long.compareUnsigned(d * d, n) <= 0) {
            if (n % d == 0) {
                n /= d;
                out[count++] = d;
            } else {
                d++;
                checkInterrupt(d);
            }
        }
        if (n > 1) {
            out[count++] = n;
        }
        return count;
    }

    /**
     * The same loop in 32-bit arithmetic, for cofactors below 2^31: the same divisors in the same order,
     * but a 32-bit division costs the processor about half of a 64-bit one, and the JIT compiles this
     * loop to the same code every run (the 64-bit loop's speed varied by up to 2x between runs).
     * d·d is computed in 64 bits, so it cannot overflow.
     */
    private static int divideInt(int n, int d, long[] out, int count) {
        while ((long) d * d <= n) {
            if (n % d == 0) {
                n /= d;
                out[count++] = d;
            } else {
                d++;
                checkInterrupt(d);
            }
        }
        if (n > 1) {
            out[count++] = n;
        }
        return count;
    }

    private static void checkInterrupt(long d) {
        if ((d & CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("trial division interrupted");
        }
    }

    @Override
    public Factorization factor(BigInteger n) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("negative number: " + n);
        }
        if (Unsigned.fits(n)) {
            long[] out = new long[64];
            int count = factor(n.longValue(), out);
            return Factorization.ofUnsigned(n.longValue(), out, count);
        }
        List<BigInteger> factors = new ArrayList<>();
        BigInteger m = n;
        long d = 2;
        // Same invariant as in divide(): m has no divisor in [2, d). While m needs more than 64 bits
        // and d <= 2^32, d·d <= 2^64 <= m, so the exit test d·d > m cannot yet hold.
        while (!Unsigned.fits(m)) {
            if (d > MAX_32 && BigInteger.valueOf(d).pow(2).compareTo(m) > 0) {
                factors.add(m);
                return new Factorization(n, factors);
            }
            BigInteger[] qr = m.divideAndRemainder(BigInteger.valueOf(d));
            if (qr[1].signum() == 0) {
                m = qr[0];
                factors.add(BigInteger.valueOf(d));
            } else {
                d++;
                if ((d & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("trial division interrupted");
                }
            }
        }
        long[] out = new long[64];
        int count = divide(m.longValue(), d, out, 0);
        for (int i = 0; i < count; i++) {
            factors.add(Unsigned.toBigInteger(out[i]));
        }
        return new Factorization(n, factors);
    }
}
