package org.factorlab.core.factor;



import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * <b>Frozen copy</b> of the {@code Ecm} that preceded the 2026 ECM rewrite, kept only so that
 * {@link EcmBench} can time old against new in one sitting. Not used by production code.
 *
 * <p>Original description:
 *
 * Lenstra's elliptic curve method (ECM) on Montgomery curves {@code By^2 = x^3 + Ax^2 + x} with
 * x-only arithmetic: finds a prime factor {@code p} of a composite {@code n} in time that depends
 * mainly on the size of {@code p}, not of {@code n}.
 *
 * <h2>Implementation overview</h2>
 *
 * <p><b>Why it works.</b> A curve modulo {@code n} is also a curve modulo each prime {@code p | n},
 * where its points form a group of order {@code #E(F_p)} somewhere in {@code p + 1 ± 2√p} and,
 * varying the curve, roughly uniformly so. If that order divides {@code k}, multiplying a point by
 * {@code k} gives the neutral element modulo {@code p}: its projective {@code Z} is divisible by
 * {@code p} — and usually not by the other factors — so {@code gcd(Z, n)} reveals {@code p}. Each
 * curve is a fresh chance for a smooth group order (H. W. Lenstra, "Factoring integers with elliptic
 * curves", Ann. Math. 126 (1987) 649–673; Crandall &amp; Pomerance, <i>Prime Numbers</i>, §7.4).
 *
 * <p><b>Curves and arithmetic.</b> Suyama's parametrisation: for {@code σ ≥ 6}, {@code u = σ^2 − 5},
 * {@code v = 4σ}, start point {@code (u^3 : v^3)} and {@code (A + 2)/4 = (v − u)^3(3u + v)/(16u^3v)}.
 * Its group orders are divisible by 12, which makes smoothness likelier. Only {@code X} and {@code Z}
 * are kept; doubling costs 5 multiplications and the differential addition of {@code P + Q} given
 * {@code P − Q} costs 6, so {@code [k]P} is the Montgomery ladder in about 11 multiplications per bit
 * of {@code k} (P. L. Montgomery, "Speeding the Pollard and elliptic curve methods of factorization",
 * Math. Comp. 48 (1987) 243–264, §10). All residues are in {@link LegacyMontgomeryLimbs} form. σ is taken
 * from a counter, so a run is reproducible.
 *
 * <p><b>Stage 1</b> multiplies the start point by every prime power {@code q ≤ B1}; then
 * {@code gcd(Z, n)} is tried.
 *
 * <p><b>Stage 2</b> (the standard continuation, baby-step giant-step) catches a group order of the
 * form (B1-smooth)·{@code ℓ} with one prime {@code B1 < ℓ ≤ B2}. With {@code D} a primorial, write
 * {@code ℓ = kD ± b}, {@code 0 < b < D/2}, {@code gcd(b, D) = 1}. If {@code Q} is the stage-1 point
 * and {@code [ℓ]Q} is neutral mod {@code p}, then {@code [kD]Q = ∓[b]Q} mod {@code p}, and these have
 * equal x-coordinates: {@code X_g Z_b − X_b Z_g ≡ 0 (mod p)}. That difference is computed as
 * {@code (X_g − X_b)(Z_g + Z_b) − X_g Z_g + X_b Z_b} with the two last products precomputed, so each
 * prime costs two multiplications (one for the pair {@code kD ± b} when both are prime). The giant
 * steps {@code [kD]Q} advance by one differential addition each. One gcd closes the stage.
 *
 * <p><b>Schedule.</b> {@link #factor(BigInteger)} runs batches of curves with growing B1 — the usual
 * table for factors of 15, 20, 25, 30, 35, … digits (B1 = 2000, 11000, 50000, 250000, 10^6, …) with
 * {@code B2 = 100·B1} — until a factor is found or the thread is interrupted. Cost per curve is about
 * {@code 16·B1 + 2π(B2)} multiplications mod {@code n}; the expected total for a factor {@code p} is
 * {@code L(p)^(√2 + o(1))} with {@code L(p) = exp(√(ln p ln ln p))}.
 *
 * <p>Stateless and thread-safe: each call builds its own arithmetic and buffers. Checks for
 * interruption every few milliseconds.
 */
public final class LegacyEcm {

    /** {B1, curves}: the customary batches for 15-, 20-, 25-, 30-, 35-, 40-, 45-, 50-digit factors. */
    private static final long[][] SCHEDULE = {
            {2_000, 25}, {11_000, 90}, {50_000, 300}, {250_000, 700}, {1_000_000, 1_800},
            {3_000_000, 5_100}, {11_000_000, 10_600}, {43_000_000, 19_300}};

    /** B2 = B2_FACTOR·B1. */
    private static final long B2_FACTOR = 100;

    private static final long FIRST_SIGMA = 6;
    private static final int SEGMENT = 1 << 16;

    private LegacyEcm() {
    }

    /**
     * A nontrivial factor of the odd composite {@code n}, which must not be a perfect power. Runs the
     * schedule (and, after it, ever larger B1) until it succeeds.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static BigInteger factor(BigInteger n) {
        long sigma = FIRST_SIGMA;
        for (int level = 0; ; level++) {
            long b1;
            long curves;
            if (level < SCHEDULE.length) {
                b1 = SCHEDULE[level][0];
                curves = SCHEDULE[level][1];
            } else {
                b1 = SCHEDULE[SCHEDULE.length - 1][0] << (level - SCHEDULE.length + 1);
                curves = SCHEDULE[SCHEDULE.length - 1][1];
            }
            BigInteger f = factor(n, b1, B2_FACTOR * b1, (int) curves, sigma);
            if (f != null) {
                return f;
            }
            sigma += curves;
        }
    }

    /**
     * Tries {@code curves} curves with σ = {@code firstSigma}, {@code firstSigma + 1}, … and bounds
     * {@code b1 ≥ 60}, {@code b2 ≥ b1}, on the odd {@code n > 1}.
     *
     * @return a nontrivial factor of {@code n}, or {@code null} if none of the curves found one
     * @throws CancellationException if the thread is interrupted
     */
    public static BigInteger factor(BigInteger n, long b1, long b2, int curves, long firstSigma) {
        if (b1 < 60 || b2 < b1) {
            throw new IllegalArgumentException("need 60 <= B1 <= B2, got B1=" + b1 + ", B2=" + b2);
        }
        Curve curve = new Curve(new LegacyMontgomeryLimbs(n), b1, b2);
        for (int i = 0; i < curves; i++) {
            BigInteger f = curve.run(firstSigma + i);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("ECM interrupted");
        }
    }

    /** The working state of one ECM run on one modulus: arithmetic, bounds and scratch buffers. */
    private static final class Curve {
        private final LegacyMontgomeryLimbs m;
        private final BigInteger n;
        private final long b1;
        private final long b2;
        private final int d;            // giant-step size, a primorial
        private final int[] babies;     // 0 < b < d/2, gcd(b, d) = 1
        private final int[] basePrimes; // primes up to √b2

        private long[] a24;
        private final long[] t1;
        private final long[] t2;
        private final long[] t3;
        private final long[] t4;
        private final long[] ox;
        private final long[] oz;
        private final long[] lx;
        private final long[] lz;

        Curve(LegacyMontgomeryLimbs m, long b1, long b2) {
            this.m = m;
            this.n = m.modulus();
            this.b1 = b1;
            this.b2 = b2;
            this.d = b1 >= 2 * 2310 ? 2310 : b1 >= 2 * 210 ? 210 : 30;
            int count = 0;
            int[] tmp = new int[d / 2];
            for (int b = 1; b < d / 2; b += 2) {
                if (BigInteger.valueOf(b).gcd(BigInteger.valueOf(d)).equals(BigInteger.ONE)) {
                    tmp[count++] = b;
                }
            }
            this.babies = Arrays.copyOf(tmp, count);
            this.basePrimes = PrimeSieve.basePrimesBelow(b2 + d + 1);
            this.t1 = m.newElement();
            this.t2 = m.newElement();
            this.t3 = m.newElement();
            this.t4 = m.newElement();
            this.ox = m.newElement();
            this.oz = m.newElement();
            this.lx = m.newElement();
            this.lz = m.newElement();
        }

        /** One curve: a factor, or null. */
        BigInteger run(long sigma) {
            long[] x = m.newElement();
            long[] z = m.newElement();
            BigInteger f = setUp(sigma, x, z);
            if (f != null) {
                return f.equals(n) ? null : f;
            }
            stage1(x, z);
            BigInteger g = LegacyMontgomeryLimbs.toBigInteger(z).gcd(n);
            if (!g.equals(BigInteger.ONE)) {
                return g.equals(n) ? null : g;
            }
            g = stage2(x, z);
            return g.equals(BigInteger.ONE) || g.equals(n) ? null : g;
        }

        /**
         * Suyama's curve for {@code sigma}: sets {@code a24} and the start point; returns a divisor of n
         * when {@code 16u^3v} is not invertible (then the curve is unusable), else null.
         */
        private BigInteger setUp(long sigma, long[] x, long[] z) {
            BigInteger s = BigInteger.valueOf(sigma);
            BigInteger u = s.multiply(s).subtract(BigInteger.valueOf(5)).mod(n);
            BigInteger v = s.shiftLeft(2).mod(n);
            BigInteger u3 = u.pow(3).mod(n);
            BigInteger vMinusU = v.subtract(u);
            BigInteger num = vMinusU.pow(3).multiply(u.multiply(BigInteger.valueOf(3)).add(v)).mod(n);
            BigInteger den = u3.multiply(v).shiftLeft(4).mod(n);
            BigInteger g = den.gcd(n);
            if (!g.equals(BigInteger.ONE)) {
                return g;
            }
            a24 = m.toMontgomery(num.multiply(den.modInverse(n)));
            System.arraycopy(m.toMontgomery(u3), 0, x, 0, x.length);
            System.arraycopy(m.toMontgomery(v.pow(3)), 0, z, 0, z.length);
            return null;
        }

        private void stage1(long[] x, long[] z) {
            int[] small = PrimeSieve.basePrimesBelow(b1 + 1);
            int sinceCheck = 0;
            for (long lo = 0; lo <= b1; lo += SEGMENT) {
                int len = (int) Math.min(SEGMENT, b1 + 1 - lo);
                boolean[] prime = PrimeSieve.segment(lo, len, small);
                for (int i = 0; i < len; i++) {
                    if (!prime[i]) {
                        continue;
                    }
                    long p = lo + i;
                    long q = p;
                    while (q <= b1 / p) {
                        q *= p;
                    }
                    ladder(x, z, q);
                    if (++sinceCheck == 16) {
                        sinceCheck = 0;
                        checkInterrupt();
                    }
                }
            }
        }

        /** {@code (x : z) ← [k](x : z)} by the Montgomery ladder, {@code k ≥ 1}. */
        private void ladder(long[] x, long[] z, long k) {
            if (k == 1) {
                return;
            }
            System.arraycopy(x, 0, ox, 0, x.length);
            System.arraycopy(z, 0, oz, 0, z.length);
            long[] x0 = x;
            long[] z0 = z;
            long[] x1 = lx;
            long[] z1 = lz;
            dbl(ox, oz, x1, z1);
            // Invariant: (x0 : z0) = [j]P and (x1 : z1) = [j + 1]P, j = the bits of k read so far.
            for (int bit = 62 - Long.numberOfLeadingZeros(k); bit >= 0; bit--) {
                if (((k >>> bit) & 1) != 0) {
                    add(x0, z0, x1, z1, ox, oz, x0, z0);
                    dbl(x1, z1, x1, z1);
                } else {
                    add(x0, z0, x1, z1, ox, oz, x1, z1);
                    dbl(x0, z0, x0, z0);
                }
            }
        }

        /** {@code (rx : rz) ← [2](x : z)}. Outputs may alias inputs. */
        private void dbl(long[] x, long[] z, long[] rx, long[] rz) {
            m.add(x, z, t1);
            m.mul(t1, t1, t1);        // (x + z)^2
            m.sub(x, z, t2);
            m.mul(t2, t2, t2);        // (x − z)^2
            m.sub(t1, t2, t3);        // 4xz
            m.mul(t1, t2, rx);
            m.mul(a24, t3, t4);
            m.add(t4, t2, t4);
            m.mul(t3, t4, rz);
        }

        /**
         * {@code (rx : rz) ← P + Q} given {@code P − Q = (dx : dz)}, which must not be the neutral
         * element. Outputs may alias P or Q but not the difference.
         */
        private void add(long[] px, long[] pz, long[] qx, long[] qz, long[] dx, long[] dz,
                         long[] rx, long[] rz) {
            m.sub(px, pz, t1);
            m.add(qx, qz, t2);
            m.mul(t1, t2, t1);        // u = (px − pz)(qx + qz)
            m.add(px, pz, t2);
            m.sub(qx, qz, t3);
            m.mul(t2, t3, t2);        // v = (px + pz)(qx − qz)
            m.add(t1, t2, t3);
            m.sub(t1, t2, t4);
            m.mul(t3, t3, t3);
            m.mul(t4, t4, t4);
            m.mul(dz, t3, rx);
            m.mul(dx, t4, rz);
        }

        /** The standard continuation; returns gcd(product of x-differences, n). */
        private BigInteger stage2(long[] qx, long[] qz) {
            int nb = babies.length;
            int maxBaby = babies[nb - 1];
            // Baby steps [b]Q for odd b up to maxBaby, by [b + 2]Q = [b]Q + [2]Q with difference [b − 2]Q.
            long[][] bx = new long[maxBaby + 1][];
            long[][] bz = new long[maxBaby + 1][];
            bx[1] = qx.clone();
            bz[1] = qz.clone();
            long[] twoX = m.newElement();
            long[] twoZ = m.newElement();
            dbl(qx, qz, twoX, twoZ);
            for (int b = 3; b <= maxBaby; b += 2) {
                bx[b] = m.newElement();
                bz[b] = m.newElement();
                if (b == 3) {
                    add(twoX, twoZ, qx, qz, qx, qz, bx[3], bz[3]);
                } else {
                    add(bx[b - 2], bz[b - 2], twoX, twoZ, bx[b - 4], bz[b - 4], bx[b], bz[b]);
                }
            }
            long[][] babyX = new long[nb][];
            long[][] babyZ = new long[nb][];
            long[][] babyXZ = new long[nb][];
            for (int i = 0; i < nb; i++) {
                babyX[i] = bx[babies[i]];
                babyZ[i] = bz[babies[i]];
                babyXZ[i] = m.newElement();
                m.mul(babyX[i], babyZ[i], babyXZ[i]);
            }

            long kFirst = Math.max(2, (b1 + d / 2) / d);
            long kLast = (b2 + d / 2) / d;
            long[] stepX = qx.clone();
            long[] stepZ = qz.clone();
            ladder(stepX, stepZ, d);                              // [D]Q
            long[] gx = qx.clone();
            long[] gz = qz.clone();
            ladder(gx, gz, kFirst * d);                           // [kD]Q
            long[] hx = qx.clone();
            long[] hz = qz.clone();
            ladder(hx, hz, (kFirst - 1) * d);                     // [(k − 1)D]Q
            long[] gxz = m.newElement();
            long[] acc = m.one();
            long[] nx = m.newElement();
            long[] nz = m.newElement();

            int stepsPerSegment = Math.max(1, SEGMENT / d);
            for (long k = kFirst; k <= kLast; ) {
                long segLo = k * d - d / 2;
                long kEnd = Math.min(kLast, k + stepsPerSegment - 1);
                boolean[] prime = PrimeSieve.segment(segLo, (int) ((kEnd - k + 1) * d + 1), basePrimes);
                for (; k <= kEnd; k++) {
                    m.mul(gx, gz, gxz);
                    long centre = k * d - segLo;
                    for (int i = 0; i < nb; i++) {
                        int b = babies[i];
                        long lower = k * d - b;
                        long upper = k * d + b;
                        boolean useLower = prime[(int) (centre - b)] && lower > b1 && lower <= b2;
                        boolean useUpper = prime[(int) (centre + b)] && upper > b1 && upper <= b2;
                        if (useLower || useUpper) {
                            m.sub(gx, babyX[i], t1);
                            m.add(gz, babyZ[i], t2);
                            m.mul(t1, t2, t1);
                            m.sub(t1, gxz, t1);
                            m.add(t1, babyXZ[i], t1);
                            m.mul(acc, t1, acc);
                        }
                    }
                    // [(k + 1)D]Q = [kD]Q + [D]Q, difference [(k − 1)D]Q.
                    add(gx, gz, stepX, stepZ, hx, hz, nx, nz);
                    long[] sx = hx;
                    long[] sz = hz;
                    hx = gx;
                    hz = gz;
                    gx = nx;
                    gz = nz;
                    nx = sx;
                    nz = sz;
                    checkInterrupt();
                }
            }
            return LegacyMontgomeryLimbs.toBigInteger(acc).gcd(n);
        }
    }
}
