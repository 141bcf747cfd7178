package org.factorlab.core.primality;

import org.factorlab.core.arith.Montgomery128;

import java.math.BigInteger;

/**
 * The Baillie–PSW probable-prime test for odd numbers below 2^127, in two-word {@link Montgomery128}
 * arithmetic: the same test as {@link Bpsw} (strong Fermat test to base 2, then the strong Lucas
 * test with Selfridge's parameters, method A), so the two agree on every input, but without
 * {@code BigInteger}.
 *
 * <p><b>Details.</b> The base-2 exponentiation uses "square, then double if the bit is set": a
 * modular doubling is an addition, so the Fermat part costs about one squaring per bit of
 * {@code n}. The Lucas chain (Baillie–Wagstaff 1980; Crandall &amp; Pomerance §3.6) keeps
 * {@code (U_j, V_j, Q^j)} in Montgomery forms; halving mod {@code n} commutes with the factor
 * {@code R}, so {@link Montgomery128#half} works on forms directly. Perfect squares (which have no
 * {@code D} with Jacobi −1) are detected once ten values of {@code D} failed.
 *
 * <p><b>Cost.</b> About 127 squarings for the Fermat part and 127×(4–6) multiplications for the
 * Lucas part, i.e. some 10 µs at 127 bits, against about 200 µs for {@link Bpsw} on
 * {@code BigInteger}. Stateless apart from the {@link Montgomery128} instance it is given, which it
 * uses as scratch: thread-safe when each thread passes its own instance.
 */
public final class Bpsw128 {

    private static final int[] SMALL_PRIMES = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47};

    private Bpsw128() {
    }

    /** Whether {@code 0 ≤ n < 2^127} is a BPSW probable prime. */
    public static boolean isProbablePrime(BigInteger n) {
        if (n.signum() < 0 || n.bitLength() > 127) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        return isProbablePrime(n.shiftRight(64).longValue(), n.longValue());
    }

    /** Whether the unsigned {@code hi·2^64 + lo < 2^127} is a BPSW probable prime. */
    public static boolean isProbablePrime(long hi, long lo) {
        if (hi == 0 && Long.compareUnsigned(lo, 64) < 0) {
            return lo >= 2 && (0x28208A20A08A28ACL >>> lo & 1) != 0; // the primes below 64
        }
        if ((lo & 1) == 0) {
            return false;
        }
        for (int p : SMALL_PRIMES) {
            if (mod(hi, lo, p) == 0) {
                return false;
            }
        }
        if (hi == 0 && Long.compareUnsigned(lo, 53L * 53) < 0) {
            return true;
        }
        return isProbablePrime(new Montgomery128(hi, lo));
    }

    /**
     * Whether the modulus of {@code m} is a BPSW probable prime; the modulus must have no prime
     * factor below 50 (the caller's trial division) and exceed 50. Uses {@code m} as scratch.
     */
    public static boolean isProbablePrime(Montgomery128 m) {
        return isStrongProbablePrimeBase2(m) && isStrongLucasProbablePrime(m);
    }

    /** The strong probable-prime test to base 2 for the odd modulus {@code n > 2} of {@code m}. */
    public static boolean isStrongProbablePrimeBase2(Montgomery128 m) {
        long nh = m.nHi;
        long nl = m.nLo;
        // n − 1 = d·2^s (n odd, so n − 1 only clears bit 0).
        long eh = nh;
        long el = nl - 1;
        int s = el != 0 ? Long.numberOfTrailingZeros(el) : 64 + Long.numberOfTrailingZeros(eh);
        if (s >= 64) {
            el = eh >>> (s - 64);
            eh = 0;
        } else {
            el = (el >>> s) | (eh << (64 - s));
            eh >>>= s;
        }
        int top = eh != 0 ? 127 - Long.numberOfLeadingZeros(eh) : 63 - Long.numberOfLeadingZeros(el);
        m.add(m.oneHi, m.oneLo, m.oneHi, m.oneLo);
        long xh = m.hi;
        long xl = m.lo;
        for (int bit = top - 1; bit >= 0; bit--) {
            m.square(xh, xl);
            long word = bit >= 64 ? eh : el;
            if (((word >>> (bit & 63)) & 1) != 0) {
                m.add(m.hi, m.lo, m.hi, m.lo);
            }
            xh = m.hi;
            xl = m.lo;
        }
        m.sub(0, 0, m.oneHi, m.oneLo);
        long mh = m.hi; // the form of −1
        long ml = m.lo;
        if ((xh == m.oneHi && xl == m.oneLo) || (xh == mh && xl == ml)) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            m.square(xh, xl);
            xh = m.hi;
            xl = m.lo;
            if (xh == mh && xl == ml) {
                return true;
            }
            if (xh == m.oneHi && xl == m.oneLo) {
                return false;
            }
        }
        return false;
    }

    /**
     * The strong Lucas test with Selfridge's parameters for the odd modulus {@code n} of {@code m}
     * ({@code n} with no prime factor below 50 and above 50; squares are rejected).
     */
    public static boolean isStrongLucasProbablePrime(Montgomery128 m) {
        long nh = m.nHi;
        long nl = m.nLo;
        long d = 5;
        int tries = 0;
        while (true) {
            int j = jacobi(d, nh, nl);
            if (j == -1) {
                break;
            }
            if (j == 0 && !(nh == 0 && nl == Math.abs(d))) {
                return false; // gcd(|D|, n) is a proper factor
            }
            if (++tries == 10 && isSquare(nh, nl)) {
                return false;
            }
            d = d > 0 ? -(d + 2) : -d + 2;
        }
        long q = (1 - d) / 4;
        // Forms of D and Q (small signed values).
        m.toMontgomery(0, Math.abs(d));
        if (d < 0) {
            m.sub(0, 0, m.hi, m.lo);
        }
        long dh = m.hi;
        long dl = m.lo;
        m.toMontgomery(0, Math.abs(q));
        if (q < 0) {
            m.sub(0, 0, m.hi, m.lo);
        }
        long qh = m.hi;
        long ql = m.lo;

        // n + 1 = k·2^s; n < 2^127 so n + 1 fits.
        long kl = nl + 1;
        long kh = nh + (kl == 0 ? 1 : 0);
        int s = kl != 0 ? Long.numberOfTrailingZeros(kl) : 64 + Long.numberOfTrailingZeros(kh);
        if (s >= 64) {
            kl = kh >>> (s - 64);
            kh = 0;
        } else {
            kl = (kl >>> s) | (kh << (64 - s));
            kh >>>= s;
        }
        int top = kh != 0 ? 127 - Long.numberOfLeadingZeros(kh) : 63 - Long.numberOfLeadingZeros(kl);

        // Invariant: (u, v, qk) = (U_j, V_j, Q^j), j = the bits of k read so far; start at j = 1.
        long uh = m.oneHi;
        long ul = m.oneLo;
        long vh = m.oneHi; // V_1 = P = 1
        long vl = m.oneLo;
        long qkh = qh;
        long qkl = ql;
        for (int bit = top - 1; bit >= 0; bit--) {
            m.mul(uh, ul, vh, vl);
            uh = m.hi;
            ul = m.lo;
            m.square(vh, vl);
            long sh = m.hi;
            long sl = m.lo;
            m.add(qkh, qkl, qkh, qkl);
            m.sub(sh, sl, m.hi, m.lo);
            vh = m.hi;
            vl = m.lo;
            m.square(qkh, qkl);
            qkh = m.hi;
            qkl = m.lo;
            long word = bit >= 64 ? kh : kl;
            if (((word >>> (bit & 63)) & 1) != 0) {
                // U_(j+1) = (U + V)/2, V_(j+1) = (D·U + V)/2 (P = 1).
                m.add(uh, ul, vh, vl);
                m.half(m.hi, m.lo);
                long nuh = m.hi;
                long nul = m.lo;
                m.mul(dh, dl, uh, ul);
                m.add(m.hi, m.lo, vh, vl);
                m.half(m.hi, m.lo);
                vh = m.hi;
                vl = m.lo;
                uh = nuh;
                ul = nul;
                m.mul(qkh, qkl, qh, ql);
                qkh = m.hi;
                qkl = m.lo;
            }
        }
        if ((uh == 0 && ul == 0) || (vh == 0 && vl == 0)) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            m.square(vh, vl);
            long sh = m.hi;
            long sl = m.lo;
            m.add(qkh, qkl, qkh, qkl);
            m.sub(sh, sl, m.hi, m.lo);
            vh = m.hi;
            vl = m.lo;
            if (vh == 0 && vl == 0) {
                return true;
            }
            m.square(qkh, qkl);
            qkh = m.hi;
            qkl = m.lo;
        }
        return false;
    }

    /** The Jacobi symbol (a/n) for odd {@code n = hi·2^64 + lo} and small odd {@code |a| ≥ 3}. */
    static int jacobi(long a, long hi, long lo) {
        int sign = 1;
        long abs = Math.abs(a);
        boolean nIs3Mod4 = (lo & 3) == 3;
        if (a < 0 && nIs3Mod4) {
            sign = -sign;
        }
        if ((abs & 3) == 3 && nIs3Mod4) {
            sign = -sign;
        }
        return sign * Bpsw.jacobi(mod(hi, lo, abs), abs);
    }

    /** {@code (hi·2^64 + lo) mod p} for {@code 0 < p < 2^31}. */
    public static long mod(long hi, long lo, long p) {
        long r = Long.remainderUnsigned(hi, p);
        // r·2^64 + lo ≡ r·(2^64 mod p) + lo mod p; r·(2^64 mod p) < 2^62.
        long t = Long.remainderUnsigned(-1L, p) + 1; // 2^64 mod p, possibly equal to p
        return (r * t % p + Long.remainderUnsigned(lo, p)) % p;
    }

    /** Whether {@code hi·2^64 + lo} is a perfect square (residue filter, then an exact root). */
    public static boolean isSquare(long hi, long lo) {
        // Squares mod 64 are 0, 1, 4, 9, 16, 17, 25, 33, 36, 41, 49, 57.
        if ((0x0202021202030213L >>> (lo & 63) & 1) == 0) {
            return false;
        }
        BigInteger n = Montgomery128.toBigInteger(hi, lo);
        BigInteger r = n.sqrt();
        return r.multiply(r).equals(n);
    }
}
