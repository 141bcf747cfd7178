package org.factorlab.core.primality;

import org.factorlab.core.arith.Montgomery64;

/**
 * Deterministic primality test for every unsigned 64-bit integer: strong probable-prime (Miller–Rabin)
 * tests to a fixed set of prime bases, which is a proof for the sizes used.
 *
 * <p><b>Why it is a proof.</b> Write {@code n − 1 = d·2^s} with {@code d} odd. A prime {@code n}
 * passes the strong test to every base {@code a} ({@code a^d ≡ 1} or {@code a^(d·2^r) ≡ −1} for some
 * {@code r < s}). Let ψ_k be the least odd composite that passes the test to all of the first
 * {@code k} primes. Jaeschke (Math. Comp. 61 (1993) 915–926) computed ψ_1..ψ_8; Jiang and Deng (Math. Comp. 83
 * (2014) 2915–2924) found ψ_9 = 3825123056546413051, and Sorenson and Webster (Math. Comp. 86 (2017)
 * 985–1003) proved ψ_10 = ψ_11 = ψ_12 = 318665857834031151167461 ≈ 3.2·10^23 &gt; 2^64. So for
 * {@code n} below the threshold listed in {@link #THRESHOLDS}, the first {@code k} primes decide
 * primality exactly, and the first 10 primes decide it for every 64-bit {@code n}. Trial division by the same primes first guarantees no base is a multiple of
 * {@code n}. (Crandall &amp; Pomerance, <i>Prime Numbers</i>, §3.5.)
 *
 * <p><b>Cost.</b> At most 10 modular exponentiations with {@link Montgomery64} (≈ 64 squarings
 * each); a composite usually fails the first base. Allocation-free, stateless, thread-safe.
 */
public final class MillerRabin64 {

    /** The first 10 primes, used as bases; trial division also uses 31 and 37. */
    private static final long[] BASES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};

    private static final long[] SMALL_PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

    /**
     * {@code THRESHOLDS[k]}: every odd composite below it fails the strong test to one of the first
     * {@code k + 1} primes (ψ_{k+1}, unsigned). The last entry, 0, stands for "all 64-bit values".
     */
    private static final long[] THRESHOLDS = {
            2_047L, 1_373_653L, 25_326_001L, 3_215_031_751L, 2_152_302_898_747L,
            3_474_749_660_383L, 341_550_071_728_321L, 341_550_071_728_321L,
            3_825_123_056_546_413_051L, 0L};

    private MillerRabin64() {
    }

    /** Whether the unsigned 64-bit value {@code n} is prime. */
    public static boolean isPrime(long n) {
        if (Long.compareUnsigned(n, 2) < 0) {
            return false;
        }
        for (long p : SMALL_PRIMES) {
            if (n == p) {
                return true;
            }
            if (Long.remainderUnsigned(n, p) == 0) {
                return false;
            }
        }
        if (Long.compareUnsigned(n, 41 * 41) < 0) {
            return true; // no prime factor <= 37 and below 41^2
        }
        return isStrongProbablePrimeToBases(n);
    }

    /** The strong tests for an odd {@code n > 41^2} with no prime factor up to 37. */
    private static boolean isStrongProbablePrimeToBases(long n) {
        long nInv = Montgomery64.inverse(n);
        long one = Montgomery64.one(n);
        long minusOne = n - one;
        long r2 = Montgomery64.rSquared(n, nInv);
        long nMinus1 = n - 1;
        int s = Long.numberOfTrailingZeros(nMinus1);
        long d = nMinus1 >>> s;
        for (int k = 0; k < BASES.length; k++) {
            long a = Montgomery64.mul(BASES[k], r2, n, nInv);
            if (!strongTest(a, d, s, one, minusOne, n, nInv)) {
                return false;
            }
            long threshold = THRESHOLDS[k];
            if (threshold != 0 && Long.compareUnsigned(n, threshold) < 0) {
                return true;
            }
        }
        return true;
    }

    /**
     * The strong probable-prime test of {@code n} to base {@code a} (Montgomery form), where
     * {@code n − 1 = d·2^s}, {@code d} odd.
     */
    static boolean strongTest(long a, long d, int s, long one, long minusOne, long n, long nInv) {
        long x = Montgomery64.pow(a, d, one, n, nInv);
        if (x == one || x == minusOne) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            x = Montgomery64.mul(x, x, n, nInv);
            if (x == minusOne) {
                return true;
            }
            if (x == one) {
                return false; // a nontrivial square root of 1 was passed
            }
        }
        return false;
    }
}
