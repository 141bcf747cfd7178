package org.factorlab.core.primality;

import java.math.BigInteger;

/**
 * The Baillie–PSW probable-prime test for integers of any size: a strong Fermat (Miller–Rabin) test
 * to base 2 followed by a strong Lucas test with Selfridge's parameters.
 *
 * <p><b>What it decides.</b> {@link #isProbablePrime} returns {@code true} for every prime. For
 * composites it is not a proof, but no composite passing both tests is known; none exists below
 * 2^64 (Feitsma and Galway's enumeration of base-2 pseudoprimes). The two tests are believed to fail
 * on nearly disjoint sets: base-2 pseudoprimes tend to have Jacobi(D/n) = +1, while the Lucas test is
 * run with a {@code D} for which Jacobi(D/n) = −1.
 *
 * <p><b>Lucas part.</b> Selfridge's "method A": take the first {@code D} in 5, −7, 9, −11, 13, …
 * with Jacobi(D/n) = −1, and {@code P = 1}, {@code Q = (1 − D)/4}. A perfect square has no such
 * {@code D}, so squares are rejected first. With {@code n + 1 = d·2^s}, {@code d} odd, {@code n} is
 * a strong Lucas probable prime when {@code U_d ≡ 0} or {@code V_(d·2^r) ≡ 0} for some
 * {@code 0 ≤ r < s}. {@code U_d, V_d} come from a left-to-right binary chain over the bits of
 * {@code d} using {@code U_2k = U_k V_k}, {@code V_2k = V_k^2 − 2Q^k},
 * {@code U_(k+1) = (P U_k + V_k)/2}, {@code V_(k+1) = (D U_k + P V_k)/2} (halving mod odd {@code n}).
 *
 * <p><b>Sources.</b> R. Baillie and S. S. Wagstaff, "Lucas pseudoprimes", Math. Comp. 35 (1980)
 * 1391–1417; C. Pomerance, J. L. Selfridge and S. S. Wagstaff, "The pseudoprimes to 25·10^9", Math.
 * Comp. 35 (1980) 1003–1026; FIPS 186-4 appendix C.3.3 (the Lucas chain); Crandall &amp; Pomerance,
 * <i>Prime Numbers</i>, §3.6.
 *
 * <p><b>Cost.</b> About three modular exponentiations' worth of multiplications of {@code n}-sized
 * numbers. Stateless and thread-safe.
 */
public final class Bpsw {

    private static final int[] SMALL_PRIMES = {
            2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97};

    private static final BigInteger TWO = BigInteger.TWO;

    private Bpsw() {
    }

    /** Whether {@code n} is a BPSW probable prime (always {@code true} for primes; {@code false} below 2). */
    public static boolean isProbablePrime(BigInteger n) {
        if (n.compareTo(TWO) < 0) {
            return false;
        }
        if (n.bitLength() < 31) {
            int m = n.intValue();
            for (int p : SMALL_PRIMES) {
                if (m == p) {
                    return true;
                }
            }
        }
        for (int p : SMALL_PRIMES) {
            if (n.mod(BigInteger.valueOf(p)).signum() == 0) {
                return false;
            }
        }
        if (n.compareTo(BigInteger.valueOf(101 * 101)) < 0) {
            return true;
        }
        return isStrongProbablePrimeBase2(n) && !isPerfectSquare(n) && isStrongLucasProbablePrime(n);
    }

    /** The strong probable-prime test to base 2 for odd {@code n > 2}. */
    static boolean isStrongProbablePrimeBase2(BigInteger n) {
        BigInteger nMinus1 = n.subtract(BigInteger.ONE);
        int s = nMinus1.getLowestSetBit();
        BigInteger x = TWO.modPow(nMinus1.shiftRight(s), n);
        if (x.equals(BigInteger.ONE) || x.equals(nMinus1)) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            x = x.multiply(x).mod(n);
            if (x.equals(nMinus1)) {
                return true;
            }
            if (x.equals(BigInteger.ONE)) {
                return false;
            }
        }
        return false;
    }

    static boolean isPerfectSquare(BigInteger n) {
        BigInteger r = n.sqrt();
        return r.multiply(r).equals(n);
    }

    /**
     * The strong Lucas test with Selfridge's parameters for odd {@code n > 1} that is not a perfect
     * square (otherwise the search for {@code D} would not end).
     */
    static boolean isStrongLucasProbablePrime(BigInteger n) {
        long d = 5;
        while (true) {
            int j = jacobi(d, n);
            if (j == -1) {
                break;
            }
            if (j == 0 && BigInteger.valueOf(Math.abs(d)).compareTo(n) != 0) {
                return false; // gcd(|D|, n) is a proper factor
            }
            d = d > 0 ? -(d + 2) : -d + 2;
        }
        BigInteger bigD = BigInteger.valueOf(d).mod(n);
        BigInteger q = BigInteger.valueOf((1 - d) / 4).mod(n);

        BigInteger nPlus1 = n.add(BigInteger.ONE);
        int s = nPlus1.getLowestSetBit();
        BigInteger k = nPlus1.shiftRight(s);

        // Invariant after each step: (u, v, qk) = (U_j, V_j, Q^j) mod n, j = the bits of k read so far.
        BigInteger u = BigInteger.ONE;
        BigInteger v = BigInteger.ONE; // V_1 = P = 1
        BigInteger qk = q;
        for (int bit = k.bitLength() - 2; bit >= 0; bit--) {
            u = u.multiply(v).mod(n);
            v = v.multiply(v).subtract(qk.shiftLeft(1)).mod(n);
            qk = qk.multiply(qk).mod(n);
            if (k.testBit(bit)) {
                BigInteger u1 = half(u.add(v), n);
                BigInteger v1 = half(bigD.multiply(u).add(v), n);
                u = u1;
                v = v1;
                qk = qk.multiply(q).mod(n);
            }
        }
        if (u.signum() == 0 || v.signum() == 0) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            v = v.multiply(v).subtract(qk.shiftLeft(1)).mod(n);
            if (v.signum() == 0) {
                return true;
            }
            qk = qk.multiply(qk).mod(n);
        }
        return false;
    }

    /** {@code x/2 mod n} for odd {@code n}, with {@code x} reduced to {@code [0, n)} first. */
    private static BigInteger half(BigInteger x, BigInteger n) {
        BigInteger r = x.mod(n);
        if (r.testBit(0)) {
            r = r.add(n);
        }
        return r.shiftRight(1);
    }

    /**
     * The Jacobi symbol (a/n) for odd positive {@code n} and small odd {@code a} (|a| ≥ 3), by
     * quadratic reciprocity: (a/n) = (−1/n)^[a&lt;0] · (n mod |a| / |a|) · (−1)^((|a|−1)/2·(n−1)/2).
     */
    static int jacobi(long a, BigInteger n) {
        int sign = 1;
        long abs = Math.abs(a);
        int nMod4 = n.testBit(1) ? 3 : 1;
        if (a < 0 && nMod4 == 3) {
            sign = -sign; // (−1/n) = −1 exactly when n ≡ 3 (mod 4)
        }
        if ((abs & 3) == 3 && nMod4 == 3) {
            sign = -sign;
        }
        long nModA = n.mod(BigInteger.valueOf(abs)).longValue();
        return sign * jacobi(nModA, abs);
    }

    /** The Jacobi symbol (a/m) for {@code 0 ≤ a} and odd {@code m > 0} (Cohen, Algorithm 1.4.10). */
    static int jacobi(long a, long m) {
        a %= m;
        int t = 1;
        while (a != 0) {
            while ((a & 1) == 0) {
                a >>= 1;
                long r = m & 7;
                if (r == 3 || r == 5) {
                    t = -t;
                }
            }
            long tmp = a;
            a = m;
            m = tmp;
            if ((a & 3) == 3 && (m & 3) == 3) {
                t = -t;
            }
            a %= m;
        }
        return m == 1 ? t : 0;
    }
}
