package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery64;

import java.math.BigInteger;

/**
 * <b>Frozen copy</b> of the {@code MontgomeryLimbs} that preceded the 2026 ECM rewrite, kept only so that
 * {@link EcmBench} can time old against new in one sitting. Not used by production code.
 *
 * <p>Original description:
 *
 * Montgomery modular arithmetic modulo one odd multi-word modulus, on little-endian arrays of 64-bit
 * limbs: the fast multiplication under {@code PollardBrent} and {@code Ecm} for numbers above 2^64.
 *
 * <p><b>What it computes.</b> With {@code s} limbs and {@code R = 2^(64s) > n}, a residue {@code a}
 * is held as {@code aR mod n} in a {@code long[s]}. {@link #mul} computes {@code abR^-1 mod n} by the
 * "coarsely integrated operand scanning" (CIOS) method: for each limb {@code b_i} it adds
 * {@code a·b_i} to the running sum {@code t}, then adds the multiple {@code m·n} with
 * {@code m = t_0·(−n^-1) mod 2^64} that clears the lowest limb, and shifts {@code t} down one limb.
 *
 * <p><b>Invariant.</b> After round {@code i} the buffer holds
 * {@code (a·(b mod 2^(64(i+1))) + M_i·n) / 2^(64(i+1))} exactly, with {@code M_i < 2^(64(i+1))}; it
 * never needs more than {@code s + 2} limbs. At the end this is {@code (ab + Mn)/R} with
 * {@code M < R}, which is {@code ≡ abR^-1} and below {@code (n·n + R·n)/R < 2n}; so one final
 * conditional subtraction gives a result in
 * {@code [0, n)} for reduced inputs. (Ç. K. Koç, T. Acar and B. S. Kaliski, "Analyzing and comparing
 * Montgomery multiplication algorithms", IEEE Micro 16 (1996) 26–33; P. L. Montgomery, Math. Comp. 44
 * (1985) 519–521; Crandall &amp; Pomerance, <i>Prime Numbers</i>, §9.2.1.)
 *
 * <p><b>Cost.</b> {@code 2s^2 + s} word multiplications (each a low and a high half) per product, no
 * allocation: measured 3–6× faster than {@code BigInteger.multiply(...).mod(n)} at 2–4 limbs.
 *
 * <p><b>Thread safety.</b> An instance holds a scratch buffer, so it is <em>not</em> thread-safe: make
 * one per factoring call (they are cheap). Result arrays may alias the inputs.
 */
public final class LegacyMontgomeryLimbs {

    private final BigInteger modulus;
    private final int s;
    private final long[] n;
    private final long n0;      // −n^-1 mod 2^64
    private final long[] t;     // scratch, s + 2 limbs
    private final long[] oneForm;

    /** Arithmetic modulo the odd {@code modulus > 1}. */
    public LegacyMontgomeryLimbs(BigInteger modulus) {
        if (modulus.signum() <= 0 || !modulus.testBit(0) || modulus.equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("modulus must be odd and > 1: " + modulus);
        }
        this.modulus = modulus;
        this.s = (modulus.bitLength() + 63) >>> 6;
        this.n = limbs(modulus, s);
        this.n0 = -Montgomery64.inverse(n[0]);
        this.t = new long[s + 2];
        this.oneForm = toMontgomery(BigInteger.ONE);
    }

    public BigInteger modulus() {
        return modulus;
    }

    /** The number of 64-bit limbs of every element. */
    public int size() {
        return s;
    }

    /** A new zero element. */
    public long[] newElement() {
        return new long[s];
    }

    /** The Montgomery form of 1 (a copy). */
    public long[] one() {
        return oneForm.clone();
    }

    /** Writes the Montgomery form of {@code x mod n} into a new array. */
    public long[] toMontgomery(BigInteger x) {
        return limbs(x.shiftLeft(64 * s).mod(modulus), s);
    }

    /** The ordinary residue represented by the Montgomery form {@code a}. */
    public BigInteger fromMontgomery(long[] a) {
        long[] unit = new long[s];
        unit[0] = 1;
        long[] r = new long[s];
        mul(a, unit, r);
        return toBigInteger(r);
    }

    /** The array {@code a} read as a non-negative integer (no conversion out of Montgomery form). */
    public static BigInteger toBigInteger(long[] a) {
        byte[] bytes = new byte[a.length * 8 + 1];
        for (int i = 0; i < a.length; i++) {
            long w = a[i];
            for (int j = 0; j < 8; j++) {
                bytes[bytes.length - 1 - (i * 8 + j)] = (byte) (w >>> (8 * j));
            }
        }
        return new BigInteger(bytes);
    }

    private static long[] limbs(BigInteger x, int size) {
        long[] r = new long[size];
        for (int i = 0; i < size; i++) {
            r[i] = x.shiftRight(64 * i).longValue();
        }
        return r;
    }

    /** {@code r = a·b·R^-1 mod n}; {@code a, b} reduced. */
    public void mul(long[] a, long[] b, long[] r) {
        final int s = this.s;
        final long[] t = this.t;
        final long[] n = this.n;
        for (int j = 0; j < s + 2; j++) {
            t[j] = 0;
        }
        for (int i = 0; i < s; i++) {
            long bi = b[i];
            long carry = 0;
            for (int j = 0; j < s; j++) {
                long lo = a[j] * bi;
                long hi = Math.unsignedMultiplyHigh(a[j], bi);
                long sum = lo + t[j];
                hi += below(sum, lo);
                long sum2 = sum + carry;
                hi += below(sum2, sum);
                t[j] = sum2;
                carry = hi;
            }
            long top = t[s] + carry;
            t[s + 1] = below(top, carry);
            t[s] = top;

            long m = t[0] * n0;
            // t[0] + lo(m·n0) is 0 mod 2^64 by the choice of m; only its carry survives.
            long hi0 = Math.unsignedMultiplyHigh(m, n[0]);
            long lo0 = m * n[0];
            long sum0 = t[0] + lo0;
            carry = hi0 + below(sum0, lo0);
            for (int j = 1; j < s; j++) {
                long lo = m * n[j];
                long hi = Math.unsignedMultiplyHigh(m, n[j]);
                long sum = lo + t[j];
                hi += below(sum, lo);
                long sum2 = sum + carry;
                hi += below(sum2, sum);
                t[j - 1] = sum2;
                carry = hi;
            }
            long top2 = t[s] + carry;
            t[s - 1] = top2;
            t[s] = t[s + 1] + below(top2, carry);
        }
        // t < 2n: subtract n once if t >= n.
        if (t[s] != 0 || !lessThanModulus(t)) {
            long borrow = 0;
            for (int j = 0; j < s; j++) {
                long x = t[j];
                long d = x - n[j] - borrow;
                borrow = borrowOut(x, n[j], d);
                r[j] = d;
            }
        } else {
            System.arraycopy(t, 0, r, 0, s);
        }
    }

    private boolean lessThanModulus(long[] x) {
        for (int j = s - 1; j >= 0; j--) {
            if (x[j] != n[j]) {
                return Long.compareUnsigned(x[j], n[j]) < 0;
            }
        }
        return false;
    }

    /** {@code r = a + b mod n}; {@code a, b} reduced. */
    public void add(long[] a, long[] b, long[] r) {
        long carry = 0;
        for (int j = 0; j < s; j++) {
            long x = a[j];
            long sum = x + b[j];
            long c1 = below(sum, x);
            long sum2 = sum + carry;
            long c2 = below(sum2, sum);
            r[j] = sum2;
            carry = c1 | c2;
        }
        if (carry != 0 || !lessThanModulus(r)) {
            subtractModulus(r);
        }
    }

    /** {@code r = a − b mod n}; {@code a, b} reduced. */
    public void sub(long[] a, long[] b, long[] r) {
        long borrow = 0;
        for (int j = 0; j < s; j++) {
            long x = a[j];
            long y = b[j];
            long d = x - y - borrow;
            borrow = borrowOut(x, y, d);
            r[j] = d;
        }
        if (borrow != 0) {
            long carry = 0;
            for (int j = 0; j < s; j++) {
                long x = r[j];
                long sum = x + n[j];
                long c1 = below(sum, x);
                long sum2 = sum + carry;
                long c2 = below(sum2, sum);
                r[j] = sum2;
                carry = c1 | c2;
            }
        }
    }

    private void subtractModulus(long[] r) {
        long borrow = 0;
        for (int j = 0; j < s; j++) {
            long x = r[j];
            long d = x - n[j] - borrow;
            borrow = borrowOut(x, n[j], d);
            r[j] = d;
        }
    }

    /**
     * 1 if {@code x < y} unsigned, else 0, without a branch (carries are coin flips, so branches on
     * them mispredict half the time): the sign of {@code x − y} corrected for overflow.
     */
    private static long below(long x, long y) {
        return ((~x & y) | (~(x ^ y) & (x - y))) >>> 63;
    }

    /** The borrow out of {@code d = x − y − borrowIn}, from the operands and the difference. */
    private static long borrowOut(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }

    /** Whether {@code a} is zero. */
    public static boolean isZero(long[] a) {
        for (long w : a) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }
}
