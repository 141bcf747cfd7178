package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery64;

import java.util.concurrent.CancellationException;

/**
 * <i>Kept in the tests as the baseline of the first-generation 64-bit path ({@link LegacyFactor64}),
 * which {@link Factor64} replaced.</i>
 *
 * Lenstra's elliptic curve method specialised to odd composite unsigned 64-bit numbers: the same
 * algorithm as {@link Ecm} (Montgomery curves, x-only arithmetic, Suyama's parametrisation, a stage 1
 * Montgomery ladder and a baby-step giant-step stage 2), with fixed small bounds, all values in
 * {@code long}s and {@link Montgomery64} arithmetic, and no allocation.
 *
 * <p><b>Why not only rho.</b> For {@code n ≈ 2^64} with two ≈32-bit prime factors, Pollard rho needs
 * about 2^16 steps (≈ 2^17 multiplications). A curve with {@code B1 = }{@value #B1} and
 * {@code B2 = }{@value #B2} costs about 5 000 multiplications and succeeds often enough that six or
 * seven curves suffice on average (measured on products of two 32-bit primes) — about four times less
 * work. The bounds were chosen by measuring B1 from 70 to 200 and B2 = 25·B1 and 50·B1. (Idea and sources as in {@link Ecm}:
 * Lenstra 1987; Montgomery 1987 §10; Crandall &amp; Pomerance §7.4.)
 *
 * <p><b>Implementation notes.</b> Stage 1 multiplies by the prime powers up to B1, packed into a few
 * scalars below 2^62 ({@link #STAGE1}), each by a Montgomery ladder whose invariant is
 * {@code (x0:z0) = [j]P}, {@code (x1:z1) = [j+1]P}. Stage 2 uses {@code D = 30}, whose four baby steps
 * {@code b ∈ {1, 7, 11, 13}} fit in local variables; {@link #PAIRS} marks, for each giant step
 * {@code k}, the {@code b} for which {@code 30k − b} or {@code 30k + b} is prime. Each curve's point is
 * kept projective, so the only inversion is the one that sets up {@code (A + 2)/4}. Curves use
 * σ = 6, 7, 8, … so results are reproducible.
 */
public final class Ecm64 {

    static final int B1 = 150;
    static final int B2 = 50 * B1;
    /** Curves tried before giving up (returning 0) — far more than ever needed for 64-bit inputs. */
    static final int MAX_CURVES = 400;

    private static final int D = 30;
    private static final int[] BABIES = {1, 7, 11, 13};
    private static final long[] STAGE1;
    private static final byte[] PAIRS;

    static {
        int[] primes = PrimeSieve.primesUpTo(B2 + D);
        long[] chunks = new long[B1];
        int count = 0;
        long chunk = 1;
        for (int p : primes) {
            if (p > B1) {
                break;
            }
            long q = p;
            while (q <= B1 / p) {
                q *= p;
            }
            if (chunk > (1L << 62) / q) {
                chunks[count++] = chunk;
                chunk = 1;
            }
            chunk *= q;
        }
        chunks[count++] = chunk;
        STAGE1 = java.util.Arrays.copyOf(chunks, count);

        boolean[] isPrime = new boolean[B2 + D + 1];
        for (int p : primes) {
            isPrime[p] = true;
        }
        PAIRS = new byte[B2 / D + 2];
        for (int k = 1; k < PAIRS.length; k++) {
            int mask = 0;
            for (int i = 0; i < BABIES.length; i++) {
                int lower = k * D - BABIES[i];
                int upper = k * D + BABIES[i];
                if ((lower > B1 && isPrime[lower]) || (upper > B1 && upper <= B2 + D && isPrime[upper])) {
                    mask |= 1 << i;
                }
            }
            PAIRS[k] = (byte) mask;
        }
    }

    private Ecm64() {
    }

    /**
     * A nontrivial factor of the odd composite {@code n} (not a prime power), or 0 if
     * {@value #MAX_CURVES} curves all failed.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static long factor(long n) {
        long nInv = Montgomery64.inverse(n);
        long r2 = Montgomery64.rSquared(n, nInv);
        for (int curve = 0; curve < MAX_CURVES; curve++) {
            long f = tryCurve(n, nInv, r2, 6 + curve);
            if (f != 0) {
                return f;
            }
            if ((curve & 7) == 7 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("ECM interrupted");
            }
        }
        return 0;
    }

    /** One curve: a nontrivial factor or 0. */
    static long tryCurve(long n, long nInv, long r2, long sigma) {
        // Suyama: u = σ^2 − 5, v = 4σ, P = (u^3 : v^3), (A + 2)/4 = (v − u)^3 (3u + v) / (16 u^3 v).
        long u = Montgomery64.toMontgomery(sigma * sigma - 5, n, nInv, r2);
        long v = Montgomery64.toMontgomery(4 * sigma, n, nInv, r2);
        long u3 = mul(mul(u, u, n, nInv), u, n, nInv);
        long v3 = mul(mul(v, v, n, nInv), v, n, nInv);
        long vmu = Montgomery64.sub(v, u, n);
        long num = mul(mul(mul(vmu, vmu, n, nInv), vmu, n, nInv),
                Montgomery64.add(Montgomery64.add(Montgomery64.add(u, u, n), u, n), v, n), n, nInv);
        long den = mul(u3, v, n, nInv);
        for (int i = 0; i < 4; i++) {
            den = Montgomery64.add(den, den, n);
        }
        long denPlain = Montgomery64.fromMontgomery(den, n, nInv);
        long g = Montgomery64.gcd(denPlain, n);
        if (g != 1) {
            return g == n ? 0 : g;
        }
        long denInv = Montgomery64.toMontgomery(inverse(denPlain, n), n, nInv, r2);
        long a24 = mul(num, denInv, n, nInv);

        // Stage 1: the Montgomery ladder for each packed scalar.
        long x = u3;
        long z = v3;
        for (long k : STAGE1) {
            long x0 = x;
            long z0 = z;
            long s = Montgomery64.add(x, z, n);
            long d = Montgomery64.sub(x, z, n);
            long ss = mul(s, s, n, nInv);
            long dd = mul(d, d, n, nInv);
            long x1 = mul(ss, dd, n, nInv);
            long z1 = dblZ(ss, dd, a24, n, nInv);
            for (int bit = 62 - Long.numberOfLeadingZeros(k); bit >= 0; bit--) {
                long p = addU(x0, z0, x1, z1, n, nInv);
                long q = addV(x0, z0, x1, z1, n, nInv);
                long ax = addX(p, q, z, n, nInv);
                long az = addZ(p, q, x, n, nInv);
                if (((k >>> bit) & 1) != 0) {
                    s = Montgomery64.add(x1, z1, n);
                    d = Montgomery64.sub(x1, z1, n);
                    x0 = ax;
                    z0 = az;
                } else {
                    s = Montgomery64.add(x0, z0, n);
                    d = Montgomery64.sub(x0, z0, n);
                    x1 = ax;
                    z1 = az;
                }
                ss = mul(s, s, n, nInv);
                dd = mul(d, d, n, nInv);
                long dx = mul(ss, dd, n, nInv);
                long dz = dblZ(ss, dd, a24, n, nInv);
                if (((k >>> bit) & 1) != 0) {
                    x1 = dx;
                    z1 = dz;
                } else {
                    x0 = dx;
                    z0 = dz;
                }
            }
            x = x0;
            z = z0;
        }
        g = Montgomery64.gcd(z, n);
        if (g != 1) {
            return g == n ? 0 : g;
        }
        return stage2(x, z, a24, n, nInv);
    }

    /** Baby steps [1], [7], [11], [13]Q; giant steps [30k]Q; product of cross differences. */
    private static long stage2(long x1, long z1, long a24, long n, long nInv) {
        long s = Montgomery64.add(x1, z1, n);
        long d = Montgomery64.sub(x1, z1, n);
        long ss = mul(s, s, n, nInv);
        long dd = mul(d, d, n, nInv);
        long x2 = mul(ss, dd, n, nInv);
        long z2 = dblZ(ss, dd, a24, n, nInv);
        // [b + 2]Q = [b]Q + [2]Q, difference [b − 2]Q.
        long xPrev = x1;
        long zPrev = z1;
        long xCur = addX(addU(x2, z2, x1, z1, n, nInv), addV(x2, z2, x1, z1, n, nInv), z1, n, nInv);
        long zCur = addZ(addU(x2, z2, x1, z1, n, nInv), addV(x2, z2, x1, z1, n, nInv), x1, n, nInv);
        long x7 = 0;
        long z7 = 0;
        long x11 = 0;
        long z11 = 0;
        long x13 = 0;
        long z13 = 0;
        for (int b = 5; b <= 15; b += 2) {
            long p = addU(xCur, zCur, x2, z2, n, nInv);
            long q = addV(xCur, zCur, x2, z2, n, nInv);
            long xNext = addX(p, q, zPrev, n, nInv);
            long zNext = addZ(p, q, xPrev, n, nInv);
            xPrev = xCur;
            zPrev = zCur;
            xCur = xNext;
            zCur = zNext;
            if (b == 7) {
                x7 = xCur;
                z7 = zCur;
            } else if (b == 11) {
                x11 = xCur;
                z11 = zCur;
            } else if (b == 13) {
                x13 = xCur;
                z13 = zCur;
            }
        }
        // xCur = [15]Q, so [30]Q is its double.
        s = Montgomery64.add(xCur, zCur, n);
        d = Montgomery64.sub(xCur, zCur, n);
        ss = mul(s, s, n, nInv);
        dd = mul(d, d, n, nInv);
        long stepX = mul(ss, dd, n, nInv);
        long stepZ = dblZ(ss, dd, a24, n, nInv);
        long xz1 = mul(x1, z1, n, nInv);
        long xz7 = mul(x7, z7, n, nInv);
        long xz11 = mul(x11, z11, n, nInv);
        long xz13 = mul(x13, z13, n, nInv);

        long acc = Montgomery64.one(n);
        long gxPrev = stepX; // [30(k − 1)]Q, starting at k = 2
        long gzPrev = stepZ;
        s = Montgomery64.add(stepX, stepZ, n);
        d = Montgomery64.sub(stepX, stepZ, n);
        ss = mul(s, s, n, nInv);
        dd = mul(d, d, n, nInv);
        long gx = mul(ss, dd, n, nInv);
        long gz = dblZ(ss, dd, a24, n, nInv);
        for (int k = 2; k < PAIRS.length; k++) {
            int mask = PAIRS[k];
            if (mask != 0) {
                long gxz = mul(gx, gz, n, nInv);
                if ((mask & 1) != 0) {
                    acc = cross(acc, gx, gz, gxz, x1, z1, xz1, n, nInv);
                }
                if ((mask & 2) != 0) {
                    acc = cross(acc, gx, gz, gxz, x7, z7, xz7, n, nInv);
                }
                if ((mask & 4) != 0) {
                    acc = cross(acc, gx, gz, gxz, x11, z11, xz11, n, nInv);
                }
                if ((mask & 8) != 0) {
                    acc = cross(acc, gx, gz, gxz, x13, z13, xz13, n, nInv);
                }
            }
            long p = addU(gx, gz, stepX, stepZ, n, nInv);
            long q = addV(gx, gz, stepX, stepZ, n, nInv);
            long nx = addX(p, q, gzPrev, n, nInv);
            long nz = addZ(p, q, gxPrev, n, nInv);
            gxPrev = gx;
            gzPrev = gz;
            gx = nx;
            gz = nz;
        }
        long g = Montgomery64.gcd(acc, n);
        return g == 1 || g == n ? 0 : g;
    }

    /** {@code acc · ((gx − bx)(gz + bz) − gx·gz + bx·bz)} = {@code acc · (gx·bz − bx·gz)}. */
    private static long cross(long acc, long gx, long gz, long gxz, long bx, long bz, long bxz, long n, long nInv) {
        long t = mul(Montgomery64.sub(gx, bx, n), Montgomery64.add(gz, bz, n), n, nInv);
        t = Montgomery64.add(Montgomery64.sub(t, gxz, n), bxz, n);
        return mul(acc, t, n, nInv);
    }

    private static long mul(long a, long b, long n, long nInv) {
        return Montgomery64.mul(a, b, n, nInv);
    }

    /** Doubling's Z from {@code ss = (x+z)^2}, {@code dd = (x−z)^2}: {@code 4xz·(dd + a24·4xz)}. */
    private static long dblZ(long ss, long dd, long a24, long n, long nInv) {
        long t = Montgomery64.sub(ss, dd, n);
        return mul(t, Montgomery64.add(dd, mul(a24, t, n, nInv), n), n, nInv);
    }

    /** Differential addition, first half: {@code u = (px − pz)(qx + qz)}. */
    private static long addU(long px, long pz, long qx, long qz, long n, long nInv) {
        return mul(Montgomery64.sub(px, pz, n), Montgomery64.add(qx, qz, n), n, nInv);
    }

    /** Differential addition, first half: {@code v = (px + pz)(qx − qz)}. */
    private static long addV(long px, long pz, long qx, long qz, long n, long nInv) {
        return mul(Montgomery64.add(px, pz, n), Montgomery64.sub(qx, qz, n), n, nInv);
    }

    /** Differential addition, X of the sum: {@code z_(P−Q)·(u + v)^2}. */
    private static long addX(long u, long v, long diffZ, long n, long nInv) {
        long s = Montgomery64.add(u, v, n);
        return mul(diffZ, mul(s, s, n, nInv), n, nInv);
    }

    /** Differential addition, Z of the sum: {@code x_(P−Q)·(u − v)^2}. */
    private static long addZ(long u, long v, long diffX, long n, long nInv) {
        long d = Montgomery64.sub(u, v, n);
        return mul(diffX, mul(d, d, n, nInv), n, nInv);
    }

    /**
     * {@code a^-1 mod n} for odd {@code n} and {@code gcd(a, n) = 1}, by the binary extended Euclidean
     * algorithm with invariants {@code x1·a ≡ u}, {@code x2·a ≡ v (mod n)}; halving mod the odd
     * {@code n} is written so that it cannot overflow even when {@code n ≥ 2^63}.
     */
    static long inverse(long a, long n) {
        long u = a;
        long v = n;
        long x1 = 1;
        long x2 = 0;
        while (u != 1 && v != 1) {
            while ((u & 1) == 0) {
                u >>>= 1;
                x1 = half(x1, n);
            }
            while ((v & 1) == 0) {
                v >>>= 1;
                x2 = half(x2, n);
            }
            if (Long.compareUnsigned(u, v) >= 0) {
                u -= v;
                x1 = Montgomery64.sub(x1, x2, n);
            } else {
                v -= u;
                x2 = Montgomery64.sub(x2, x1, n);
            }
        }
        return u == 1 ? x1 : x2;
    }

    private static long half(long x, long n) {
        return (x & 1) == 0 ? x >>> 1 : (x >>> 1) + (n >>> 1) + 1;
    }
}
