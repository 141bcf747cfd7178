package org.factorlab.core.arith;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Montgomery modular arithmetic modulo one odd multi-word modulus, on little-endian arrays of 64-bit
 * limbs: the fast multiplication under {@code PollardBrent} and {@code Ecm} for numbers above 2^64.
 *
 * <p><b>What it computes.</b> With {@code s} limbs and {@code R = 2^(64s) > n}, a residue {@code a}
 * is held as {@code aR mod n} in a {@code long[s]}. {@link #mul} computes {@code abR^-1 mod n} by
 * "separated operand scanning" (SOS): the full {@code 2s}-limb product {@code t = ab} first, then
 * {@code s} reduction rounds, round {@code i} adding {@code m_i·n·2^(64i)} with
 * {@code m_i = t_i·(−n^-1) mod 2^64} so that limb {@code i} becomes zero. {@link #sqr} forms each
 * cross product {@code a_i a_j} ({@code i < j}) once, doubles them with one shift and adds the squares
 * {@code a_i^2}: {@code s(s+1)/2} instead of {@code s^2} word products before the same reduction.
 *
 * <p><b>Invariant.</b> After the reduction rounds, {@code t = ab + Mn} with {@code M < R}, so
 * {@code t/R ≡ abR^-1} and {@code t/R < (n·n + R·n)/R < 2n} (one extra carry bit above the top limb
 * is tracked); one conditional subtraction gives a result in {@code [0, n)} for reduced inputs.
 * (Ç. K. Koç, T. Acar and B. S. Kaliski, "Analyzing and comparing Montgomery multiplication
 * algorithms", IEEE Micro 16 (1996) 26–33; P. L. Montgomery, Math. Comp. 44 (1985) 519–521;
 * Crandall &amp; Pomerance, <i>Prime Numbers</i>, §9.2.1.)
 *
 * <p><b>Cost.</b> {@code 2s^2 + s} word multiplications (each a low and a high half) per product,
 * about {@code 1.5s^2} per square, no allocation. Carries are read with {@link Long#compareUnsigned},
 * which C2 turns into a flag-setting compare without a branch. Measured (same JVM, loaded 2-core
 * machine) about 1.4–1.7× faster than the earlier interleaved (CIOS) loop with bit-twiddled carries at
 * 4–16 limbs (fresh JVM per size, medians of 9; single runs vary ±50% there), and the dedicated
 * squaring 10–40% faster than {@code mul(a, a)} from about 8 limbs on. Three limbs (129–192 bits,
 * the ECM pre-pass of 45–57-digit numbers) have a multiplication of their own in local variables
 * ({@code mul3}, interleaved): ECM stages 1 and 2 on a 50-digit number, 8 curves at B1 = 2,000, took
 * 16.6 and 34.4 ms against 25.0 and 52.8 ms with the loops (least of 37 alternated rounds in one JVM,
 * two runs; means 43 and 52 ms against 63 and 74).
 *
 * <p><b>Thread safety.</b> An instance holds a scratch buffer, so it is <em>not</em> thread-safe: make
 * one per factoring call (they are cheap). Result arrays may alias the inputs.
 */
public final class MontgomeryLimbs {

    /**
     * The dedicated squaring pays from about this many limbs (measured, with much noise, on a loaded
     * 2-core machine: 0.6–0.9× the time of {@code mul(a, a)} at 8+ limbs, no clear gain at 4–6).
     */
    static final int SQUARE_MIN_LIMBS = 7;

    private final BigInteger modulus;
    private final int s;
    private final long[] n;
    private final long n0;      // −n^-1 mod 2^64
    private final long[] t;     // scratch, 2s limbs: the double-length product
    private final long[] oneForm;
    private final BigInteger rSquared; // R^2 mod n
    private final long[] rSquaredForm; // the same as limbs: mul(x, rSquaredForm) = xR mod n

    /** Arithmetic modulo the odd {@code modulus > 1}. */
    public MontgomeryLimbs(BigInteger modulus) {
        if (modulus.signum() <= 0 || !modulus.testBit(0) || modulus.equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("modulus must be odd and > 1: " + modulus);
        }
        this.modulus = modulus;
        this.s = (modulus.bitLength() + 63) >>> 6;
        this.n = limbs(modulus, s);
        this.n0 = -Montgomery64.inverse(n[0]);
        this.t = new long[2 * s];
        this.oneForm = toMontgomery(BigInteger.ONE);
        this.rSquared = BigInteger.ONE.shiftLeft(128 * s).mod(modulus);
        this.rSquaredForm = limbs(rSquared, s);
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

    /**
     * Writes the limbs of {@code 0 ≤ x < n} (as an ordinary residue, not converted) into {@code r}:
     * one {@link BigInteger#toByteArray} instead of a shift and a division per limb.
     */
    public void load(BigInteger x, long[] r) {
        if (x.signum() < 0 || x.compareTo(modulus) >= 0) {
            throw new IllegalArgumentException("need 0 <= x < n");
        }
        Arrays.fill(r, 0, s, 0L);
        byte[] bytes = x.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            int bit = 8 * (bytes.length - 1 - i);
            if (bit < 64 * s) {
                r[bit >>> 6] |= (bytes[i] & 0xFFL) << (bit & 63);
            }
        }
    }

    /** {@code r = a·R mod n}: the Montgomery form of the ordinary residue {@code a < n}, by one product. */
    public void toMontgomery(long[] a, long[] r) {
        mul(a, rSquaredForm, r);
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
        if (this.s == 3) {
            mul3(a, b, r);
            return;
        }
        final int s = this.s;
        final long[] t = this.t;
        // Schoolbook product a·b into t[0, 2s): row i adds a_i·b at offset i.
        long bj0 = b[0];
        long carry = 0;
        for (int j = 0; j < s; j++) {
            long x = a[j];
            long lo = x * bj0;
            long hi = Math.unsignedMultiplyHigh(x, bj0);
            lo += carry;
            hi += carry(lo, carry);
            t[j] = lo;
            carry = hi;
        }
        t[s] = carry;
        for (int i = 1; i < s; i++) {
            long bi = b[i];
            carry = 0;
            for (int j = 0; j < s; j++) {
                long x = a[j];
                long lo = x * bi;
                long hi = Math.unsignedMultiplyHigh(x, bi);
                long ti = t[i + j];
                lo += ti;
                hi += carry(lo, ti);
                lo += carry;
                hi += carry(lo, carry);
                t[i + j] = lo;
                carry = hi;
            }
            t[i + s] = carry;
        }
        reduce(r);
    }

    /**
     * {@link #mul} for three limbs (moduli of 129 to 192 bits: the ECM pre-pass before SIQS at 45 to
     * 57 digits) in local variables, with the product and the reduction interleaved (Koç, Acar and
     * Kaliski's CIOS): each round adds {@code a·b_i}, then the multiple of n that clears the lowest
     * limb, and shifts down one limb. The window {@code t} stays below {@code 2n}, so its top limb is
     * 0 or 1. The loop has a constant trip count, which the JIT compiler unrolls. Reads every input
     * limb before writing {@code r}, so {@code r} may alias {@code a} or {@code b}.
     */
    private void mul3(long[] a, long[] b, long[] r) {
        final long a0 = a[0];
        final long a1 = a[1];
        final long a2 = a[2];
        final long b0 = b[0];
        final long b1 = b[1];
        final long b2 = b[2];
        final long mod0 = n[0];
        final long mod1 = n[1];
        final long mod2 = n[2];
        final long nInv = this.n0; // −n^-1 mod 2^64
        long t0 = 0;
        long t1 = 0;
        long t2 = 0;
        long t3 = 0;
        for (int i = 0; i < 3; i++) {
            long bi = i == 0 ? b0 : i == 1 ? b1 : b2;
            long u0 = a0 * bi + t0;
            long c = Math.unsignedMultiplyHigh(a0, bi) + carry(u0, t0);
            long u1 = mulAddLow(a1, bi, t1, c);
            c = mulAddHigh(a1, bi, t1, c);
            long u2 = mulAddLow(a2, bi, t2, c);
            c = mulAddHigh(a2, bi, t2, c);
            long u3 = t3 + c;
            long u4 = carry(u3, c);
            long m = u0 * nInv;
            c = Math.unsignedMultiplyHigh(m, mod0) + carry(m * mod0 + u0, u0);
            t0 = mulAddLow(m, mod1, u1, c);
            c = mulAddHigh(m, mod1, u1, c);
            t1 = mulAddLow(m, mod2, u2, c);
            c = mulAddHigh(m, mod2, u2, c);
            t2 = u3 + c;
            t3 = u4 + carry(t2, c);
        }
        // (t0, t1, t2) + t3·R < 2n: subtract n when t3 is set or there is no borrow.
        long d0 = t0 - mod0;
        long borrow = borrowOut(t0, mod0, d0);
        long d1 = t1 - mod1 - borrow;
        borrow = borrowOut(t1, mod1, d1);
        long d2 = t2 - mod2 - borrow;
        borrow = borrowOut(t2, mod2, d2);
        long keep = -(borrow & (t3 ^ 1)); // all ones: t is below n
        r[0] = d0 ^ ((d0 ^ t0) & keep);
        r[1] = d1 ^ ((d1 ^ t1) & keep);
        r[2] = d2 ^ ((d2 ^ t2) & keep);
    }

    /** The low word of {@code x·y + t + c} (below 2^128 for words x, y, t, c). */
    private static long mulAddLow(long x, long y, long t, long c) {
        return x * y + t + c;
    }

    /** The high word of {@code x·y + t + c}. */
    private static long mulAddHigh(long x, long y, long t, long c) {
        long p = x * y + t;
        return Math.unsignedMultiplyHigh(x, y) + carry(p, t) + carry(p + c, c);
    }

    /**
     * {@code r = a^2·R^-1 mod n}; {@code a} reduced. The cross products {@code a_i a_j, i < j} are
     * formed once and doubled, so the product half costs {@code s(s+1)/2} word multiplications instead
     * of {@code s^2}: about 3/4 of {@link #mul} overall. Below {@link #SQUARE_MIN_LIMBS} limbs the
     * extra doubling pass eats the saving and this is {@code mul(a, a, r)}.
     */
    public void sqr(long[] a, long[] r) {
        final int s = this.s;
        if (s < SQUARE_MIN_LIMBS) {
            mul(a, a, r);
            return;
        }
        final long[] t = this.t;
        t[0] = 0;
        t[2 * s - 1] = 0;
        // Row 0 writes t[1, s]; later rows add in place.
        long a0 = a[0];
        long carry = 0;
        for (int j = 1; j < s; j++) {
            long x = a[j];
            long lo = x * a0;
            long hi = Math.unsignedMultiplyHigh(x, a0);
            lo += carry;
            hi += carry(lo, carry);
            t[j] = lo;
            carry = hi;
        }
        t[s] = carry;
        for (int i = 1; i < s - 1; i++) {
            long ai = a[i];
            carry = 0;
            for (int j = i + 1; j < s; j++) {
                long x = a[j];
                long lo = x * ai;
                long hi = Math.unsignedMultiplyHigh(x, ai);
                long ti = t[i + j];
                lo += ti;
                hi += carry(lo, ti);
                lo += carry;
                hi += carry(lo, carry);
                t[i + j] = lo;
                carry = hi;
            }
            t[i + s] = carry;
        }
        // t = 2·(cross products) + Σ a_i^2·2^(128i): shift left one bit while adding the squares.
        long shiftedOut = 0;
        carry = 0;
        for (int i = 0; i < s; i++) {
            long x = a[i];
            long lo = x * x;
            long hi = Math.unsignedMultiplyHigh(x, x);
            long w0 = t[2 * i];
            long w1 = t[2 * i + 1];
            long d0 = (w0 << 1) | shiftedOut;
            long d1 = (w1 << 1) | (w0 >>> 63);
            shiftedOut = w1 >>> 63;
            long s0 = d0 + lo;
            long c0 = carry(s0, lo);
            long s0c = s0 + carry;
            c0 += carry(s0c, s0);
            long s1 = d1 + hi;
            long c1 = carry(s1, hi);
            long s1c = s1 + c0;
            c1 += carry(s1c, s1);
            t[2 * i] = s0c;
            t[2 * i + 1] = s1c;
            carry = c1;
        }
        reduce(r);
    }

    /**
     * Montgomery reduction of the {@code 2s}-limb product in {@code t} ("separated operand scanning"):
     * {@code s} rounds each add the multiple {@code m·n·2^(64i)} that clears limb {@code i}; the
     * upper half is then {@code t/R + (multiple of n)/R < 2n}, reduced by one conditional subtraction.
     */
    private void reduce(long[] r) {
        final int s = this.s;
        final long[] t = this.t;
        final long[] n = this.n;
        final long n0 = this.n0;
        long extra = 0;          // the carry out of limb 2s − 1 so far (0 or 1)
        for (int i = 0; i < s; i++) {
            long m = t[i] * n0;
            long carry = 0;
            for (int j = 0; j < s; j++) {
                long nj = n[j];
                long lo = m * nj;
                long hi = Math.unsignedMultiplyHigh(m, nj);
                long ti = t[i + j];
                lo += ti;
                hi += carry(lo, ti);
                lo += carry;
                hi += carry(lo, carry);
                t[i + j] = lo;
                carry = hi;
            }
            long x = t[i + s];
            long y = x + carry;
            long c = carry(y, x);
            long z = y + extra;
            c += carry(z, y);
            t[i + s] = z;
            extra = c;
        }
        // The result t[s, 2s) + extra·R is below 2n: subtract n once if it is at least n.
        boolean atLeastN = extra != 0;
        if (!atLeastN) {
            atLeastN = true;
            for (int j = s - 1; j >= 0; j--) {
                long x = t[s + j];
                if (x != n[j]) {
                    atLeastN = Long.compareUnsigned(x, n[j]) > 0;
                    break;
                }
            }
        }
        if (atLeastN) {
            long borrow = 0;
            for (int j = 0; j < s; j++) {
                long x = t[s + j];
                long d = x - n[j] - borrow;
                borrow = borrowOut(x, n[j], d);
                r[j] = d;
            }
        } else {
            System.arraycopy(t, s, r, 0, s);
        }
    }

    /**
     * 1 if the addition that produced {@code sum} from {@code addend} wrapped around, else 0. Written
     * with {@link Long#compareUnsigned}, which C2 compiles to a flag-setting compare without a branch
     * (measured faster here than the bit-twiddled form, and carries are coin flips for a predictor).
     */
    private static long carry(long sum, long addend) {
        return Long.compareUnsigned(sum, addend) < 0 ? 1L : 0L;
    }

    /**
     * {@code r = a^-1} in Montgomery form: for {@code a = xR} it writes {@code x^-1·R}, computed as
     * {@code a^-1·R^2}.
     * Returns {@code false} (leaving {@code r} unchanged) when {@code a} is not invertible modulo n;
     * then {@code gcd(toBigInteger(a), n) > 1}. One BigInteger inversion: use it rarely (batch with
     * Montgomery's trick).
     */
    public boolean invert(long[] a, long[] r) {
        BigInteger x = toBigInteger(a);
        if (!x.gcd(modulus).equals(BigInteger.ONE)) {
            return false;
        }
        BigInteger inv = x.modInverse(modulus).multiply(rSquared).mod(modulus);
        long[] limbs = limbs(inv, s);
        System.arraycopy(limbs, 0, r, 0, s);
        return true;
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
