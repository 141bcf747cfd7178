package org.factorlab.core.arith;

import java.math.BigInteger;

/**
 * Montgomery modular arithmetic modulo one odd modulus {@code 1 < n < 2^127} held in two
 * {@code long}s, without allocation: the 128-bit counterpart of {@link Montgomery64}.
 *
 * <p><b>What it computes.</b> With {@code R = 2^128}, a residue {@code a} is held in Montgomery form
 * {@code aR mod n} as two words {@code (hi, lo)}. {@link #mul} returns {@code abR^-1 mod n}, so
 * forms multiply to forms, with no division: REDC (P. L. Montgomery, "Modular multiplication
 * without trial division", Math. Comp. 44 (1985) 519–521; Crandall &amp; Pomerance, <i>Prime
 * Numbers</i>, 2nd ed., §9.2.1, Algorithm 9.2.5 applied word by word).
 *
 * <p><b>How.</b> {@link #mul} forms the full product {@code T = t3:t2:t1:t0} (four 64×64 products,
 * each two halves via {@link Math#unsignedMultiplyHigh}) and then clears one low word at a time:
 * {@code m = t_i·k mod 2^64} with {@code k = −n^-1 mod 2^64} makes {@code T + m·n·2^(64i)} divisible
 * by {@code 2^(64(i+1))}. After two rounds {@code T/R < (n^2 + nR)/R < 2n}, and one conditional
 * subtraction of {@code n} finishes. The bound {@code n < 2^127} is what keeps this simple: every
 * intermediate stays below {@code 2^256} (no fifth word), {@code 2n} fits in 128 bits, and the sign
 * bit of {@code result − n} tells whether the subtraction is due — so add, sub and the final
 * correction are each one two-word subtraction and a mask.
 *
 * <p><b>Calling convention.</b> Java has no two-word return value, and allocating one per operation
 * would dominate the cost; so every operation stores its result in the public fields {@link #hi}
 * and {@link #lo} of this instance, which the caller copies into its own locals immediately (after
 * inlining, C2 keeps operands in registers and the two field stores hit L1; no array bounds checks,
 * unlike a caller's {@code long[2]}; the alternative was not measured). Operands are passed as
 * (hi, lo) pairs and must be reduced ({@code < n}) unless a method says otherwise.
 *
 * <p><b>Cost.</b> {@link #mul}: 8 high/low products for {@code T}, 6 for the reduction; {@link
 * #square}: 6 + 6; measured at about 3× {@link Montgomery64#mul} (≈ 35 ns vs 12 ns of CPU time per
 * dependent multiplication on the shared, heavily loaded build machine; expect a few ns unloaded).
 *
 * <p><b>Thread-safety.</b> Not thread-safe: the result fields are per instance. Create one instance
 * per thread and modulus (construction costs about 140 modular doublings and 7 squarings).
 */
public final class Montgomery128 {

    /** The modulus, high and low words. */
    public final long nHi;
    public final long nLo;
    /** {@code −n^-1 mod 2^64}. */
    private final long k;
    /** {@code R mod n}: the form of 1. */
    public final long oneHi;
    public final long oneLo;
    /** {@code R^2 mod n}: converts reduced values into forms. */
    public final long r2Hi;
    public final long r2Lo;
    /** {@code R^3 mod n}: converts unreduced 128-bit values into forms (after one REDC). */
    private final long r3Hi;
    private final long r3Lo;

    /** The result of the last operation, high word. */
    public long hi;
    /** The result of the last operation, low word. */
    public long lo;

    /**
     * @param nHi the high word of the odd modulus, below 2^63
     * @param nLo the low word
     * @throws IllegalArgumentException if {@code n} is even, 1, or not below 2^127
     */
    public Montgomery128(long nHi, long nLo) {
        if ((nLo & 1) == 0 || nHi < 0 || (nHi == 0 && nLo == 1)) {
            throw new IllegalArgumentException("modulus must be odd, > 1 and < 2^127: "
                    + toBigInteger(nHi, nLo));
        }
        this.nHi = nHi;
        this.nLo = nLo;
        this.k = -Montgomery64.inverse(nLo);
        // R mod n: start from 2^(b-1) < n (b = bit length of n) and double 129 - b times.
        int bits = nHi != 0 ? 128 - Long.numberOfLeadingZeros(nHi) : 64 - Long.numberOfLeadingZeros(nLo);
        long xh = bits - 1 >= 64 ? 1L << (bits - 65) : 0;
        long xl = bits - 1 >= 64 ? 0 : 1L << (bits - 1);
        for (int i = bits - 1; i < 128; i++) {
            add(xh, xl, xh, xl);
            xh = hi;
            xl = lo;
        }
        oneHi = xh;
        oneLo = xl;
        // The form of 2 is 2R; seven squarings give the form of 2^128, which is R·R.
        add(xh, xl, xh, xl);
        for (int i = 0; i < 7; i++) {
            square(hi, lo);
        }
        r2Hi = hi;
        r2Lo = lo;
        mul(r2Hi, r2Lo, r2Hi, r2Lo);
        r3Hi = hi;
        r3Lo = lo;
    }

    /** The instance for the odd modulus {@code 1 < n < 2^127}. */
    public static Montgomery128 of(BigInteger n) {
        if (n.signum() <= 0 || n.bitLength() > 127) {
            throw new IllegalArgumentException("modulus out of range: " + n);
        }
        return new Montgomery128(n.shiftRight(64).longValue(), n.longValue());
    }

    /** The modulus as a BigInteger. */
    public BigInteger modulus() {
        return toBigInteger(nHi, nLo);
    }

    /** The unsigned 128-bit value {@code hi·2^64 + lo}. */
    public static BigInteger toBigInteger(long hi, long lo) {
        byte[] bytes = new byte[17];
        for (int i = 0; i < 8; i++) {
            bytes[16 - i] = (byte) (lo >>> (8 * i));
            bytes[8 - i] = (byte) (hi >>> (8 * i));
        }
        return new BigInteger(bytes);
    }

    /** {@code a·b·R^-1 mod n} into ({@link #hi}, {@link #lo}); {@code a·b < n·R} suffices. */
    public void mul(long aHi, long aLo, long bHi, long bLo) {
        long t0 = aLo * bLo;
        long t1 = Math.unsignedMultiplyHigh(aLo, bLo);
        long xl = aLo * bHi;
        long xh = Math.unsignedMultiplyHigh(aLo, bHi);
        long yl = aHi * bLo;
        long yh = Math.unsignedMultiplyHigh(aHi, bLo);
        long t2 = aHi * bHi;
        long t3 = Math.unsignedMultiplyHigh(aHi, bHi);
        // A high half is at most 2^64 − 2, so adding a carry of 1 to it cannot wrap.
        t1 += xl;
        xh += carry(t1, xl);
        t2 += xh;
        t3 += carry(t2, xh);
        t1 += yl;
        yh += carry(t1, yl);
        t2 += yh;
        t3 += carry(t2, yh);
        redc(t0, t1, t2, t3);
    }

    /** {@code a^2·R^-1 mod n} into ({@link #hi}, {@link #lo}). */
    public void square(long aHi, long aLo) {
        long t0 = aLo * aLo;
        long t1 = Math.unsignedMultiplyHigh(aLo, aLo);
        long xl = aLo * aHi;
        long xh = Math.unsignedMultiplyHigh(aLo, aHi);
        long t2 = aHi * aHi;
        long t3 = Math.unsignedMultiplyHigh(aHi, aHi);
        // 2·x = (xh:xl) shifted; aHi < 2^63 keeps xh < 2^63, so the doubled high word cannot wrap.
        long dl = xl << 1;
        long dh = (xh << 1) | (xl >>> 63);
        t1 += dl;
        dh += carry(t1, dl);
        t2 += dh;
        t3 += carry(t2, dh);
        redc(t0, t1, t2, t3);
    }

    /** REDC of {@code t3:t2:t1:t0 < n·R}: the value {@code T·R^-1 mod n}, into (hi, lo). */
    private void redc(long t0, long t1, long t2, long t3) {
        // Round 1: m·n ≡ −t0 (mod 2^64), so t0 + lo(m·nLo) is 0 with a carry exactly when t0 ≠ 0.
        long m = t0 * k;
        long mh = Math.unsignedMultiplyHigh(m, nLo) + (t0 != 0 ? 1 : 0);
        long ml = m * nHi;
        long mhh = Math.unsignedMultiplyHigh(m, nHi); // < 2^63 because nHi < 2^63
        t1 += mh;
        mhh += carry(t1, mh);
        t1 += ml;
        mhh += carry(t1, ml);
        t2 += mhh;
        t3 += carry(t2, mhh);
        // Round 2, on t1.
        m = t1 * k;
        mh = Math.unsignedMultiplyHigh(m, nLo) + (t1 != 0 ? 1 : 0);
        ml = m * nHi;
        mhh = Math.unsignedMultiplyHigh(m, nHi);
        t2 += mh;
        mhh += carry(t2, mh);
        t2 += ml;
        mhh += carry(t2, ml);
        t3 += mhh;
        // (t3:t2) < 2n < 2^128; subtract n unless that goes negative.
        reduceOnce(t3, t2);
    }

    /** {@code x mod n} for {@code x < 2n} (so {@code x < 2^128}) into (hi, lo). */
    private void reduceOnce(long xh, long xl) {
        long rl = xl - nLo;
        long rh = xh - nHi - carry(xl, rl);
        // If x ≥ 2^127 then x ≥ n and x − n ∈ [0, n); otherwise x − n ∈ (−2^127, 2^127) and its sign
        // bit is the borrow. Either way the sign bit of rh says whether to keep x.
        long keep = rh >> 63;
        hi = rh ^ ((rh ^ xh) & keep);
        lo = rl ^ ((rl ^ xl) & keep);
    }

    /** 1 if {@code sum = a + b} wrapped around 2^64, else 0. */
    private static long carry(long sum, long addend) {
        return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
    }

    /** {@code (a + b) mod n} into (hi, lo). */
    public void add(long aHi, long aLo, long bHi, long bLo) {
        long sl = aLo + bLo;
        long sh = aHi + bHi + carry(sl, bLo);
        reduceOnce(sh, sl);
    }

    /** {@code (a − b) mod n} into (hi, lo). */
    public void sub(long aHi, long aLo, long bHi, long bLo) {
        long dl = aLo - bLo;
        long dh = aHi - bHi - carry(aLo, dl);
        // |a − b| < 2^127, so the sign bit of dh is the borrow.
        long neg = dh >> 63;
        long al = nLo & neg;
        long rl = dl + al;
        hi = dh + (nHi & neg) + carry(rl, al);
        lo = rl;
    }

    /** {@code x/2 mod n} of a reduced {@code x} (valid for forms too, halving being linear). */
    public void half(long xHi, long xLo) {
        if ((xLo & 1) == 0) {
            lo = (xLo >>> 1) | (xHi << 63);
            hi = xHi >>> 1;
        } else {
            // (x + n)/2 with x + n < 2^128.
            long sl = xLo + nLo;
            long sh = xHi + nHi + carry(sl, nLo);
            lo = (sl >>> 1) | (sh << 63);
            hi = sh >>> 1;
        }
    }

    /** REDC of any 128-bit value {@code x}: {@code x·R^-1 mod n}, into (hi, lo). */
    public void reduce(long xHi, long xLo) {
        redc(xLo, xHi, 0, 0);
    }

    /** The form {@code xR mod n} of any unsigned 128-bit {@code x}, into (hi, lo). */
    public void toMontgomery(long xHi, long xLo) {
        reduce(xHi, xLo);
        mul(hi, lo, r3Hi, r3Lo);
    }

    /** The ordinary residue of a form, into (hi, lo). */
    public void fromMontgomery(long aHi, long aLo) {
        reduce(aHi, aLo);
    }

    /** {@code x mod n} of any unsigned 128-bit {@code x}, into (hi, lo). */
    public void mod(long xHi, long xLo) {
        reduce(xHi, xLo);
        mul(hi, lo, r2Hi, r2Lo);
    }

    /** The form of {@code x} (a BigInteger below 2^128), into (hi, lo). */
    public void toMontgomery(BigInteger x) {
        toMontgomery(x.shiftRight(64).longValue(), x.longValue());
    }

    /** {@code base^e} in Montgomery form by left-to-right binary exponentiation (e unsigned 128-bit). */
    public void pow(long baseHi, long baseLo, long eHi, long eLo) {
        if (eHi == 0 && eLo == 0) {
            hi = oneHi;
            lo = oneLo;
            return;
        }
        long rh = baseHi;
        long rl = baseLo;
        int top = eHi != 0 ? 127 - Long.numberOfLeadingZeros(eHi) : 63 - Long.numberOfLeadingZeros(eLo);
        for (int bit = top - 1; bit >= 0; bit--) {
            square(rh, rl);
            rh = hi;
            rl = lo;
            long word = bit >= 64 ? eHi : eLo;
            if (((word >>> (bit & 63)) & 1) != 0) {
                mul(rh, rl, baseHi, baseLo);
                rh = hi;
                rl = lo;
            }
        }
        hi = rh;
        lo = rl;
    }

    /** Whether two-word values are equal (a convenience for callers). */
    public static boolean equal(long aHi, long aLo, long bHi, long bLo) {
        return aHi == bHi && aLo == bLo;
    }

    /**
     * The greatest common divisor of the unsigned 128-bit {@code a} and the odd modulus {@code n}
     * (binary GCD, Stein 1967) into (hi, lo); {@code gcd(0, n) = n}. Since Montgomery forms differ
     * from the residues by the unit {@code R}, the gcd of a form with {@code n} is that of the residue.
     */
    public void gcdWithModulus(long aHi, long aLo) {
        long uh = nHi;
        long ul = nLo;
        long vh = aHi;
        long vl = aLo;
        // Invariant: u odd; gcd(u, v) is the answer (n odd, so factors of 2 in v never matter).
        while (vh != 0 || vl != 0) {
            int tz = vl != 0 ? Long.numberOfTrailingZeros(vl) : 64 + Long.numberOfTrailingZeros(vh);
            if (tz >= 64) {
                vl = vh >>> (tz - 64);
                vh = 0;
            } else if (tz > 0) {
                vl = (vl >>> tz) | (vh << (64 - tz));
                vh >>>= tz;
            }
            // Both odd: replace the larger by the difference.
            int cmp = vh != uh ? Long.compareUnsigned(vh, uh) : Long.compareUnsigned(vl, ul);
            if (cmp < 0) {
                long th = uh;
                long tl = ul;
                uh = vh;
                ul = vl;
                vh = th;
                vl = tl;
            }
            long dl = vl - ul;
            vh = vh - uh - carry(vl, dl);
            vl = dl;
        }
        hi = uh;
        lo = ul;
    }

    /**
     * {@code a^-1 mod n} of a plain (not Montgomery) residue {@code 0 < a < n} with
     * {@code gcd(a, n) = 1}, into (hi, lo), by the binary extended Euclidean algorithm with the
     * invariants {@code x1·a ≡ u}, {@code x2·a ≡ v (mod n)} (halving mod the odd {@code n}).
     */
    public void inverse(long aHi, long aLo) {
        long uh = aHi;
        long ul = aLo;
        long vh = nHi;
        long vl = nLo;
        long x1h = 0;
        long x1l = 1;
        long x2h = 0;
        long x2l = 0;
        while (!(uh == 0 && ul == 1) && !(vh == 0 && vl == 1)) {
            if (uh == 0 && ul == 0) {
                throw new ArithmeticException("not invertible");
            }
            while ((ul & 1) == 0) {
                ul = (ul >>> 1) | (uh << 63);
                uh >>>= 1;
                half(x1h, x1l);
                x1h = hi;
                x1l = lo;
            }
            while ((vl & 1) == 0) {
                vl = (vl >>> 1) | (vh << 63);
                vh >>>= 1;
                half(x2h, x2l);
                x2h = hi;
                x2l = lo;
            }
            int cmp = uh != vh ? Long.compareUnsigned(uh, vh) : Long.compareUnsigned(ul, vl);
            if (cmp >= 0) {
                long dl = ul - vl;
                uh = uh - vh - carry(ul, dl);
                ul = dl;
                sub(x1h, x1l, x2h, x2l);
                x1h = hi;
                x1l = lo;
            } else {
                long dl = vl - ul;
                vh = vh - uh - carry(vl, dl);
                vl = dl;
                sub(x2h, x2l, x1h, x1l);
                x2h = hi;
                x2l = lo;
            }
        }
        if (uh == 0 && ul == 1) {
            hi = x1h;
            lo = x1l;
        } else {
            hi = x2h;
            lo = x2l;
        }
    }
}
