package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery64;
import org.factorlab.core.primality.MillerRabin64;

/**
 * The 64-bit path of {@link AutoFactorizer} as it was before {@link Factor64} (trial division by
 * inverses to 1024, {@link MillerRabin64}, {@link PollardBrent64}, {@link Ecm64} with B1 = 150), kept
 * in the tests only as the baseline of {@link Factor64Bench} and as a second opinion in
 * {@code Factor64Test}.
 */
final class LegacyFactor64 {

    static final long ECM_THRESHOLD = 1L << 40;
    static final long SHORT_RHO_STEPS = 1 << 10;
    static final int TRIAL_LIMIT = 1024;

    private static final long[] ODD_PRIMES;
    private static final long[] INVERSES;
    private static final long[] LIMITS;
    private static final long TRIAL_SQUARE;

    static {
        int[] primes = PrimeSieve.primesUpTo(TRIAL_LIMIT + 64);
        int k = 0;
        while (primes[k] < TRIAL_LIMIT) {
            k++;
        }
        ODD_PRIMES = new long[k - 1];
        INVERSES = new long[k - 1];
        LIMITS = new long[k - 1];
        for (int i = 1; i < k; i++) {
            long p = primes[i];
            ODD_PRIMES[i - 1] = p;
            INVERSES[i - 1] = Montgomery64.inverse(p);
            LIMITS[i - 1] = Long.divideUnsigned(-1L, p);
        }
        TRIAL_SQUARE = (long) primes[k] * primes[k];

    }

    private LegacyFactor64() {
    }

    static int factor(long n, long[] out) {
        if (Long.compareUnsigned(n, 2) < 0) {
            return 0;
        }
        int count = 0;
        int twos = Long.numberOfTrailingZeros(n);
        for (int i = 0; i < twos; i++) {
            out[count++] = 2;
        }
        n >>>= twos;

        boolean exhausted = true;
        for (int i = 0; i < ODD_PRIMES.length; i++) {
            long p = ODD_PRIMES[i];
            if (Long.compareUnsigned(p * p, n) > 0) {
                exhausted = false;
                break;
            }
            long q = n * INVERSES[i];
            while (Long.compareUnsigned(q, LIMITS[i]) <= 0) { // p divides n, and q = n/p
                out[count++] = p;
                n = q;
                q = n * INVERSES[i];
            }
        }
        if (n == 1) {
            return count;
        }
        // No prime factor below the trial bound remains: if n < (next prime)^2 it is prime.
        if (!exhausted || Long.compareUnsigned(n, TRIAL_SQUARE) < 0) {
            out[count++] = n;
            return count;
        }
        count = splitComposite(n, out, count);
        insertionSort(out, count);
        return count;
    }

    /** Splits a cofactor with no prime factor below the trial bound; appends its prime factors. */
    private static int splitComposite(long n, long[] out, int count) {
        int top = out.length;
        out[--top] = n;
        while (top < out.length) {
            long m = out[top++];
            if (MillerRabin64.isPrime(m)) {
                out[count++] = m;
                continue;
            }
            long f = nontrivialFactor(m);
            out[--top] = f;
            out[--top] = Long.divideUnsigned(m, f);
        }
        return count;
    }

    /** A nontrivial factor of the odd composite {@code m} that has no prime factor below 1024. */
    private static long nontrivialFactor(long m) {
        long r = AutoFactorizer.isqrt(m);
        if (r * r == m) {
            return r;
        }
        long c = AutoFactorizer.icbrt(m);
        if (c * c * c == m) {
            return c;
        }
        if (Long.compareUnsigned(m, ECM_THRESHOLD) >= 0) {
            // Most 64-bit composites have a small second factor, which a short rho walk finds
            // faster than one ECM curve; only then is ECM worth its fixed cost.
            long f = PollardBrent64.factor(m, SHORT_RHO_STEPS);
            if (f != 0) {
                return f;
            }
            f = Ecm64.factor(m);
            if (f != 0) {
                return f;
            }
        }
        return PollardBrent64.factor(m);
    }


    private static void insertionSort(long[] a, int count) {
        for (int i = 1; i < count; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(a[j], x) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }
}
