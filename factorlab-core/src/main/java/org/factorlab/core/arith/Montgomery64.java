package org.factorlab.core.arith;

/**
 * Montgomery modular arithmetic modulo an odd unsigned 64-bit modulus {@code n > 1}, on primitives.
 *
 * <p><b>What it computes.</b> With {@code R = 2^64}, a residue {@code a} is held in Montgomery form
 * {@code aR mod n}. The product of two such forms is reduced by {@link #mul} to {@code abR mod n}
 * without any division: REDC(T) = T / R mod n (P. L. Montgomery, "Modular multiplication without
 * trial division", Math. Comp. 44 (1985) 519–521; Crandall &amp; Pomerance, <i>Prime Numbers</i>,
 * 2nd ed., §9.2.1).
 *
 * <p><b>Variant and invariant.</b> We keep {@code nInv = n^-1 mod 2^64} (not its negative) and use
 * the "subtracting" form of REDC: for {@code T = hi·2^64 + lo} with {@code T < n·2^64} put
 * {@code m = lo·nInv mod 2^64}; then {@code m·n ≡ lo (mod 2^64)}, so {@code T − m·n} has low word
 * exactly zero and {@code (T − m·n)/2^64 = hi − mulhi(m, n)}. Both {@code hi} and
 * {@code mulhi(m, n)} are below {@code n}, hence the difference lies in {@code (−n, n)} and one
 * conditional addition of {@code n} brings it into {@code [0, n)}. No intermediate exceeds 64 bits,
 * so this is correct for every odd modulus up to {@code 2^64 − 1} — there is no carry out of the top
 * word to lose, unlike the adding form.
 *
 * <p><b>Cost.</b> One {@link #mul} is three 64×64 multiplications (two high halves) and a compare;
 * no allocation anywhere. All methods are static and take the modulus and its inverse as
 * {@code long}s, read as unsigned; every residue argument must already be reduced ({@code < n}).
 *
 * <pre>{@code
 * long nInv = Montgomery64.inverse(n);
 * long r2 = Montgomery64.rSquared(n, nInv);
 * long a = Montgomery64.toMontgomery(x, n, nInv, r2);
 * long y = Montgomery64.fromMontgomery(Montgomery64.mul(a, a, n, nInv), n, nInv); // x^2 mod n
 * }</pre>
 */
public final class Montgomery64 {

    private Montgomery64() {
    }

    /**
     * {@code n^-1 mod 2^64} for odd {@code n} by Newton's iteration {@code x ← x(2 − nx)}, which
     * doubles the number of correct low bits each step. The start {@code (3n) XOR 2} is correct to 5
     * bits for every odd {@code n}, so four steps give 80 ≥ 64 bits.
     */
    public static long inverse(long n) {
        if ((n & 1) == 0) {
            throw new IllegalArgumentException("even modulus " + Long.toUnsignedString(n));
        }
        long x = (3 * n) ^ 2;
        x *= 2 - n * x;
        x *= 2 - n * x;
        x *= 2 - n * x;
        x *= 2 - n * x;
        return x;
    }

    /**
     * REDC of the 128-bit value {@code hi·2^64 + lo}, which must be below {@code n·2^64}. The
     * correction is written {@code d + (borrow ? n : 0)} so that the JIT compiler keeps it a
     * conditional move even where the result feeds a comparison (see {@code Factor64.mul}).
     */
    public static long reduce(long hi, long lo, long n, long nInv) {
        long m = lo * nInv;
        long mh = Math.unsignedMultiplyHigh(m, n);
        return hi - mh + (Long.compareUnsigned(hi, mh) < 0 ? n : 0);
    }

    /** {@code a·b·R^-1 mod n}: the Montgomery product of two reduced residues. */
    public static long mul(long a, long b, long n, long nInv) {
        long lo = a * b;
        long hi = Math.unsignedMultiplyHigh(a, b);
        long m = lo * nInv;
        long mh = Math.unsignedMultiplyHigh(m, n);
        long r = hi - mh;
        // Branch-free "if (hi < mh) r += n": the sign bit of the borrow expression is the borrow.
        long borrow = ((~hi & mh) | (~(hi ^ mh) & r)) >> 63;
        return r + (n & borrow);
    }

    /** {@code a^2·R^-1 mod n}. */
    public static long square(long a, long n, long nInv) {
        return mul(a, a, n, nInv);
    }

    /** {@code (a + b) mod n} for reduced {@code a, b}; correct even when the sum overflows 64 bits. */
    public static long add(long a, long b, long n) {
        long s = a + b;
        long t = s - n;
        // Take s − n when the true sum wrapped past 2^64 (carry) or s >= n (no borrow from s − n).
        // Branch-free: these comparisons are data-dependent coin flips in rho and ECM.
        long carry = ((a & b) | ((a | b) & ~s)) >>> 63;
        long borrow = ((~s & n) | (~(s ^ n) & t)) >>> 63;
        long mask = -(carry | (borrow ^ 1));
        return (t & mask) | (s & ~mask);
    }

    /** {@code (a − b) mod n} for reduced {@code a, b}. */
    public static long sub(long a, long b, long n) {
        long d = a - b;
        long borrow = ((~a & b) | (~(a ^ b) & d)) >> 63;
        return d + (n & borrow);
    }

    /** {@code R mod n = 2^64 mod n}: the Montgomery form of 1. */
    public static long one(long n) {
        return Long.remainderUnsigned(-n, n);
    }

    /**
     * {@code R^2 mod n}, the constant that converts into Montgomery form. Computed without 128-bit
     * division: {@code 2R mod n} is the Montgomery form of 2, and six Montgomery squarings turn the
     * form of 2 into the form of {@code 2^64}, which is {@code 2^64·R = R^2 (mod n)}.
     */
    public static long rSquared(long n, long nInv) {
        long one = one(n);
        long x = add(one, one, n);
        for (int i = 0; i < 6; i++) {
            x = mul(x, x, n, nInv);
        }
        return x;
    }

    /** The Montgomery form {@code aR mod n} of any unsigned {@code a}. */
    public static long toMontgomery(long a, long n, long nInv, long r2) {
        return mul(Long.remainderUnsigned(a, n), r2, n, nInv);
    }

    /** The ordinary residue {@code a·R^-1 mod n} of a Montgomery form. */
    public static long fromMontgomery(long a, long n, long nInv) {
        return reduce(0, a, n, nInv);
    }

    /**
     * {@code base^e} in Montgomery form, by left-to-right binary exponentiation ({@code e} unsigned).
     *
     * @param base a Montgomery form
     * @param one  {@link #one(long) the form of 1}
     */
    public static long pow(long base, long e, long one, long n, long nInv) {
        if (e == 0) {
            return one;
        }
        long result = base;
        for (int bit = 62 - Long.numberOfLeadingZeros(e); bit >= 0; bit--) {
            result = mul(result, result, n, nInv);
            if (((e >>> bit) & 1) != 0) {
                result = mul(result, base, n, nInv);
            }
        }
        return result;
    }

    /** The greatest common divisor of two unsigned values (binary GCD, Stein 1967); gcd(0, b) = b. */
    public static long gcd(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        int shift = Long.numberOfTrailingZeros(a | b);
        a >>>= Long.numberOfTrailingZeros(a);
        // Invariant: a is odd; gcd(a, b) times 2^shift is the answer.
        while (b != 0) {
            b >>>= Long.numberOfTrailingZeros(b);
            if (Long.compareUnsigned(a, b) > 0) {
                long t = a;
                a = b;
                b = t;
            }
            b -= a;
        }
        return a << shift;
    }
}
