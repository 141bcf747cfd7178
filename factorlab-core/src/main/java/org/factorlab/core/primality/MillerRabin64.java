package org.factorlab.core.primality;

import org.factorlab.core.arith.Montgomery64;

/**
 * Deterministic primality test for every unsigned 64-bit integer: strong probable-prime (Miller–Rabin)
 * tests to a fixed set of prime bases, which is a proof for the sizes used.
 *
 * <p><b>Why it is a proof.</b> Write {@code n − 1 = d·2^s} with {@code d} odd. A prime {@code n}
 * passes the strong test to every base {@code a} ({@code a^d ≡ 1} or {@code a^(d·2^r) ≡ −1} for some
 * {@code r < s}). Two verified base sets cover the whole range:
 * <ul>
 *   <li>{@code n < 3 215 031 751}: bases 2, 3, 5, 7. The least odd composite passing all four
 *       (ψ_4) is 3215031751 (Pomerance, Selfridge and Wagstaff, Math. Comp. 35 (1980) 1003–1026;
 *       Jaeschke, Math. Comp. 61 (1993) 915–926).</li>
 *   <li>{@code n < 2^64}: Jim Sinclair's seven bases 2, 325, 9375, 28178, 450775, 9780504,
 *       1795265022 (2011). Feitsma and Galway enumerated every base-2 strong pseudoprime below 2^64;
 *       each fails the test to one of the other six bases. Here they are used only for
 *       {@code n ≥ 3 215 031 751}, above every base, so no base is ever ≡ 0 (mod n) — the case in
 *       which the set is not valid as is.</li>
 * </ul>
 * Trial division by the primes up to 37 comes first (it settles small {@code n} and most
 * composites). The well-known alternative, the first 12 primes as bases (proven by Sorenson and
 * Webster, Math. Comp. 86 (2017) 985–1003, up to ψ_12 ≈ 3.2·10^23), costs 12 exponentiations instead
 * of 7. (Crandall &amp; Pomerance, <i>Prime Numbers</i>, §3.5.)
 *
 * <p><b>Cost.</b> At most 7 modular exponentiations with {@link Montgomery64} (≈ 64 squarings each);
 * a composite usually fails the first base. Allocation-free, stateless, thread-safe.
 */
public final class MillerRabin64 {

    private static final long[] SMALL_PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

    /** ψ_4: below it, bases 2, 3, 5, 7 decide primality. */
    private static final long PSI_4 = 3_215_031_751L;
    private static final long[] SMALL_BASES = {2, 3, 5, 7};
    private static final long[] SINCLAIR_BASES = {2, 325, 9_375, 28_178, 450_775, 9_780_504, 1_795_265_022};

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
        long[] bases = Long.compareUnsigned(n, PSI_4) < 0 ? SMALL_BASES : SINCLAIR_BASES;
        for (long base : bases) {
            long a = Montgomery64.mul(base, r2, n, nInv); // base < n, so this is its Montgomery form
            if (!strongTest(a, d, s, one, minusOne, n, nInv)) {
                return false;
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
