package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery128;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * Lenstra's elliptic curve method for odd composites below 2^127, in two-word {@link Montgomery128}
 * arithmetic and without allocation per curve: the algorithm of {@link Ecm} and of the 64-bit ECM in {@link Factor64}
 * (Montgomery curves {@code By^2 = x^3 + Ax^2 + x}, x-only projective arithmetic, Suyama's
 * parametrisation) with a schedule of bounds aimed at the 26- to 60-bit factors left in 65- to
 * 127-bit numbers after trial division and a short rho walk.
 *
 * <p><b>Stage 1.</b> The prime powers up to B1 are packed into scalars below 2^62, each applied by a
 * Montgomery ladder (invariant {@code (x0:z0) = [j]P}, {@code (x1:z1) = [j+1]P}; one differential
 * addition, 6 multiplications, and one doubling, 5, per bit).
 *
 * <p><b>Stage 2</b> (baby-step giant-step, Montgomery 1987 §4; Crandall &amp; Pomerance §7.4.2):
 * every prime {@code p ∈ (B1, B2]} is written {@code p = kD ± b} with {@code b < D/2} coprime to
 * {@code D}; then {@code [p]Q = O} mod a prime {@code q | n} iff {@code [kD]Q = ±[b]Q}, i.e. iff
 * {@code q | X_kD·Z_b − X_b·Z_kD}. The baby points {@code [b]Q} and the giant points {@code [kD]Q}
 * (by differential additions) are computed and then all scaled to {@code Z = 1} with one
 * simultaneous inversion, so each needed pair contributes one multiplication,
 * {@code acc·(x_kD − x_b)}, and one pair covers both {@code kD − b} and {@code kD + b}. {@code D = 210} while {@code B2 < 150 000},
 * {@code 2310} above; {@code B2 = 100·B1}.
 *
 * <p><b>Schedule.</b> {@link #SCHEDULE} lists (B1, curves). The counts are about the measured mean
 * number of curves for factors of 30, 34, 40, 44, 48, … bits at those bounds (e.g. 3.5 curves at
 * B1 = 200 for 30 bits, 4.8 at 400 for 34, 11.6 at 800 for 40, 11.9 at 1 500 for 44; 30–40
 * products of random primes each), so a factor is normally found at the level matching its size
 * after the cheaper levels failed. The last level repeats until a factor appears. Curves use
 * σ = 6, 7, 8, … so results are reproducible.
 *
 * <p><b>Cost.</b> A curve costs about 16·B1 multiplications in stage 1 plus about one per prime
 * pair and ten per giant step in stage 2. Measured (CPU time, loaded machine): a 40-bit factor
 * about 10 ms, a 48-bit one about 25 ms, 52–62-bit ones 0.5–2 s (where SIQS on the whole number
 * should win).
 *
 * <p>Thread-safe: all state is per call (the stage-2 plans are immutable and shared). Checks for
 * interruption after every curve.
 */
public final class Ecm128 {

    /** (B1, curves) per level; the last level repeats. */
    static final int[][] SCHEDULE = {
            {200, 6}, {400, 8}, {800, 12}, {1500, 20}, {3000, 40}, {7000, 80}, {15000, 160}, {30000, 320}};

    private static final Level[] LEVELS = new Level[SCHEDULE.length];

    /** Precomputed tables for one B1. */
    static final class Level {
        final int b1;
        final long b2;
        final int d;
        /** Packed stage-1 scalars. */
        final long[] stage1;
        /** The odd b below D/2 coprime to D, ascending. */
        final int[] babies;
        /** First giant step index k. */
        final int kFirst;
        /** For giant step kFirst + i, the baby indices are pairs[start[i] .. start[i + 1]). */
        final int[] start;
        final short[] pairs;

        Level(int b1) {
            this.b1 = b1;
            this.b2 = 100L * b1;
            this.d = b2 < 150_000 ? 210 : 2310;
            int[] primes = PrimeSieve.primesUpTo((int) b2 + d);
            long[] chunks = new long[b1];
            int count = 0;
            long chunk = 1;
            for (int p : primes) {
                if (p > b1) {
                    break;
                }
                long q = p;
                while (q <= b1 / p) {
                    q *= p;
                }
                if (chunk > (1L << 62) / q) {
                    chunks[count++] = chunk;
                    chunk = 1;
                }
                chunk *= q;
            }
            chunks[count++] = chunk;
            stage1 = Arrays.copyOf(chunks, count);

            int[] babyIndex = new int[d / 2];
            Arrays.fill(babyIndex, -1);
            int nb = 0;
            int[] bs = new int[d / 2];
            for (int b = 1; b < d / 2; b += 2) {
                if (gcd(b, d) == 1) {
                    babyIndex[b] = nb;
                    bs[nb++] = b;
                }
            }
            babies = Arrays.copyOf(bs, nb);
            boolean[] isPrime = new boolean[(int) b2 + d + 1];
            for (int p : primes) {
                isPrime[p] = true;
            }
            kFirst = Math.max(1, (int) ((b1 + d / 2) / d));
            int kLast = (int) ((b2 + d / 2) / d);
            start = new int[kLast - kFirst + 2];
            short[] list = new short[(kLast - kFirst + 1) * nb];
            int size = 0;
            for (int k = kFirst; k <= kLast; k++) {
                start[k - kFirst] = size;
                for (int j = 0; j < nb; j++) {
                    long lower = (long) k * d - bs[j];
                    long upper = (long) k * d + bs[j];
                    if ((lower > b1 && lower <= b2 && isPrime[(int) lower])
                            || (upper > b1 && upper <= b2 && isPrime[(int) upper])) {
                        list[size++] = (short) j;
                    }
                }
            }
            start[kLast - kFirst + 1] = size;
            pairs = Arrays.copyOf(list, size);
        }

        private static int gcd(int a, int b) {
            while (b != 0) {
                int t = a % b;
                a = b;
                b = t;
            }
            return a;
        }
    }

    static synchronized Level level(int i) {
        if (LEVELS[i] == null) {
            LEVELS[i] = new Level(SCHEDULE[i][0]);
        }
        return LEVELS[i];
    }

    private final Montgomery128 m;
    private long a24h;
    private long a24l;
    /** Result point of dbl/dadd/ladder: (rxh:rxl, rzh:rzl); the ladder's second point in (sx, sz). */
    private long rxh;
    private long rxl;
    private long rzh;
    private long rzl;
    private long sxh;
    private long sxl;
    private long szh;
    private long szl;
    /** Stage-2 points (babies, then giants), two words each, and prefix products of their Z's. */
    private long[] px = new long[0];
    private long[] pz = new long[0];
    private long[] prefix = new long[0];

    private Ecm128(Montgomery128 m) {
        this.m = m;
    }

    /**
     * Finds a nontrivial factor of the odd composite modulus of {@code m} (not a prime power),
     * running the whole schedule until one appears; the factor is left in ({@code m.hi, m.lo}).
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static void factor(Montgomery128 m) {
        factor(m, Integer.MAX_VALUE);
    }

    /**
     * Runs the first {@code levels} levels of {@link #SCHEDULE} (the last one repeating if
     * {@code levels} exceeds their number): true with a nontrivial factor in ({@code m.hi, m.lo}),
     * false if none appeared. With {@code levels = 5} this is the expected work for factors up to
     * about 50 bits; a caller with a quadratic sieve can stop there for large balanced numbers.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static boolean factor(Montgomery128 m, int levels) {
        Ecm128 ecm = new Ecm128(m);
        long sigma = 6;
        for (int l = 0; l < levels; l++) {
            int i = Math.min(l, SCHEDULE.length - 1);
            Level level = level(i);
            for (int c = 0; c < SCHEDULE[i][1]; c++) {
                if (ecm.tryCurve(level, sigma++)) {
                    return true;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("ECM interrupted");
                }
            }
        }
        return false;
    }

    /**
     * Runs up to {@code curves} curves at the schedule level {@code levelIndex} from
     * {@code firstSigma}: the number of curves used (factor in m.hi, m.lo) or −1 if none succeeded.
     */
    static int factor(Montgomery128 m, int levelIndex, int curves, long firstSigma) {
        return run(m, level(levelIndex), curves, firstSigma);
    }

    /** As {@link #factor(Montgomery128, int, int, long)} with any level (for tuning). */
    static int run(Montgomery128 m, Level level, int curves, long firstSigma) {
        Ecm128 ecm = new Ecm128(m);
        for (int c = 0; c < curves; c++) {
            if (ecm.tryCurve(level, firstSigma + c)) {
                return c + 1;
            }
        }
        return -1;
    }

    /** One curve; true with a proper factor in (m.hi, m.lo). */
    boolean tryCurve(Level level, long sigma) {
        Montgomery128 m = this.m;
        // Suyama: u = σ^2 − 5, v = 4σ, P = (u^3 : v^3), (A + 2)/4 = (v − u)^3 (3u + v) / (16 u^3 v).
        m.toMontgomery(0, sigma * sigma - 5);
        long uh = m.hi;
        long ul = m.lo;
        m.toMontgomery(0, 4 * sigma);
        long vh = m.hi;
        long vl = m.lo;
        m.square(uh, ul);
        m.mul(m.hi, m.lo, uh, ul);
        long xh = m.hi; // u^3
        long xl = m.lo;
        m.square(vh, vl);
        m.mul(m.hi, m.lo, vh, vl);
        long zh = m.hi; // v^3
        long zl = m.lo;
        m.sub(vh, vl, uh, ul);
        long th = m.hi;
        long tl = m.lo;
        m.square(th, tl);
        m.mul(m.hi, m.lo, th, tl);
        long numH = m.hi; // (v − u)^3
        long numL = m.lo;
        m.add(uh, ul, uh, ul);
        m.add(m.hi, m.lo, uh, ul);
        m.add(m.hi, m.lo, vh, vl);
        m.mul(numH, numL, m.hi, m.lo);
        numH = m.hi;
        numL = m.lo;
        m.mul(xh, xl, vh, vl);
        for (int i = 0; i < 4; i++) {
            m.add(m.hi, m.lo, m.hi, m.lo);
        }
        m.fromMontgomery(m.hi, m.lo);
        long denH = m.hi;
        long denL = m.lo;
        m.gcdWithModulus(denH, denL);
        if (m.hi != 0 || m.lo != 1) {
            return !(m.hi == m.nHi && m.lo == m.nLo);
        }
        m.inverse(denH, denL);
        m.toMontgomery(m.hi, m.lo);
        m.mul(numH, numL, m.hi, m.lo);
        a24h = m.hi;
        a24l = m.lo;

        // Stage 1.
        for (long k : level.stage1) {
            ladder(xh, xl, zh, zl, k);
            xh = rxh;
            xl = rxl;
            zh = rzh;
            zl = rzl;
        }
        m.gcdWithModulus(zh, zl);
        if (m.hi != 0 || m.lo != 1) {
            return !(m.hi == m.nHi && m.lo == m.nLo);
        }
        return stage2(level, xh, xl, zh, zl);
    }

    /** [k]P into (rx, rz) and [k+1]P into (sx, sz), for {@code k ≥ 1}, by the Montgomery ladder. */
    private void ladder(long xh, long xl, long zh, long zl, long k) {
        long x0h = xh;
        long x0l = xl;
        long z0h = zh;
        long z0l = zl;
        dbl(xh, xl, zh, zl);
        long x1h = rxh;
        long x1l = rxl;
        long z1h = rzh;
        long z1l = rzl;
        for (int bit = 62 - Long.numberOfLeadingZeros(k); bit >= 0; bit--) {
            dadd(x0h, x0l, z0h, z0l, x1h, x1l, z1h, z1l, xh, xl, zh, zl);
            if (((k >>> bit) & 1) != 0) {
                x0h = rxh;
                x0l = rxl;
                z0h = rzh;
                z0l = rzl;
                dbl(x1h, x1l, z1h, z1l);
                x1h = rxh;
                x1l = rxl;
                z1h = rzh;
                z1l = rzl;
            } else {
                x1h = rxh;
                x1l = rxl;
                z1h = rzh;
                z1l = rzl;
                dbl(x0h, x0l, z0h, z0l);
                x0h = rxh;
                x0l = rxl;
                z0h = rzh;
                z0l = rzl;
            }
        }
        rxh = x0h;
        rxl = x0l;
        rzh = z0h;
        rzl = z0l;
        sxh = x1h;
        sxl = x1l;
        szh = z1h;
        szl = z1l;
    }

    /** [2]P into (rx, rz): X = (x+z)^2 (x−z)^2, Z = 4xz·((x−z)^2 + a24·4xz). */
    private void dbl(long xh, long xl, long zh, long zl) {
        Montgomery128 m = this.m;
        m.add(xh, xl, zh, zl);
        m.square(m.hi, m.lo);
        long ssh = m.hi;
        long ssl = m.lo;
        m.sub(xh, xl, zh, zl);
        m.square(m.hi, m.lo);
        long ddh = m.hi;
        long ddl = m.lo;
        m.mul(ssh, ssl, ddh, ddl);
        rxh = m.hi;
        rxl = m.lo;
        m.sub(ssh, ssl, ddh, ddl);
        long th = m.hi;
        long tl = m.lo;
        m.mul(a24h, a24l, th, tl);
        m.add(m.hi, m.lo, ddh, ddl);
        m.mul(m.hi, m.lo, th, tl);
        rzh = m.hi;
        rzl = m.lo;
    }

    /** P + Q into (rx, rz) given D = P − Q: X = Dz·(u + v)^2, Z = Dx·(u − v)^2. */
    private void dadd(long pxh, long pxl, long pzh, long pzl, long qxh, long qxl, long qzh, long qzl,
                      long dxh, long dxl, long dzh, long dzl) {
        Montgomery128 m = this.m;
        m.sub(pxh, pxl, pzh, pzl);
        long ah = m.hi;
        long al = m.lo;
        m.add(qxh, qxl, qzh, qzl);
        m.mul(ah, al, m.hi, m.lo);
        long uh = m.hi;
        long ul = m.lo;
        m.add(pxh, pxl, pzh, pzl);
        ah = m.hi;
        al = m.lo;
        m.sub(qxh, qxl, qzh, qzl);
        m.mul(ah, al, m.hi, m.lo);
        long vh = m.hi;
        long vl = m.lo;
        m.add(uh, ul, vh, vl);
        m.square(m.hi, m.lo);
        m.mul(dzh, dzl, m.hi, m.lo);
        rxh = m.hi;
        rxl = m.lo;
        m.sub(uh, ul, vh, vl);
        m.square(m.hi, m.lo);
        m.mul(dxh, dxl, m.hi, m.lo);
        rzh = m.hi;
        rzl = m.lo;
    }

    /**
     * Baby-step giant-step stage 2 from the stage-1 point Q = (x : z). All baby and giant points are
     * first brought to {@code Z = 1} together (Montgomery's simultaneous inversion: three
     * multiplications per point and one inversion), so that each (giant, baby) pair then costs a
     * single multiplication, {@code acc·(X_kD − X_b)}.
     */
    private boolean stage2(Level level, long xh, long xl, long zh, long zl) {
        Montgomery128 m = this.m;
        int d = level.d;
        int[] babies = level.babies;
        int nb = babies.length;
        int giants = level.start.length - 1;
        int points = nb + giants;
        if (px.length < 2 * points) {
            px = new long[2 * points];
            pz = new long[2 * points];
            prefix = new long[2 * points];
        }
        long[] px = this.px;
        long[] pz = this.pz;
        // Odd multiples [b]Q for b = 1, 3, ..., D/2 by [b + 2]Q = [b]Q + [2]Q (difference [b − 2]Q).
        dbl(xh, xl, zh, zl);
        long q2xh = rxh;
        long q2xl = rxl;
        long q2zh = rzh;
        long q2zl = rzl;
        long pxh = xh; // [b − 2]Q, starting with [−1]Q = [1]Q in x-only terms
        long pxl = xl;
        long pzh = zh;
        long pzl = zl;
        long cxh = xh; // [b]Q
        long cxl = xl;
        long czh = zh;
        long czl = zl;
        int j = 0;
        for (int b = 1; ; b += 2) {
            if (j < nb && babies[j] == b) {
                px[2 * j] = cxh;
                px[2 * j + 1] = cxl;
                pz[2 * j] = czh;
                pz[2 * j + 1] = czl;
                j++;
            }
            if (b == d / 2) {
                break;
            }
            dadd(cxh, cxl, czh, czl, q2xh, q2xl, q2zh, q2zl, pxh, pxl, pzh, pzl);
            pxh = cxh;
            pxl = cxl;
            pzh = czh;
            pzl = czl;
            cxh = rxh;
            cxl = rxl;
            czh = rzh;
            czl = rzl;
        }
        // G = [D]Q = [2]([D/2]Q); then [k]G and [k + 1]G by a ladder, and [k + 2]G = [k + 1]G + G
        // (difference [k]G) for the rest.
        dbl(cxh, cxl, czh, czl);
        long gh = rxh;
        long gl = rxl;
        long gzh = rzh;
        long gzl = rzl;
        ladder(gh, gl, gzh, gzl, level.kFirst);
        long kxh = rxh;
        long kxl = rxl;
        long kzh = rzh;
        long kzl = rzl;
        long nxh = sxh;
        long nxl = sxl;
        long nzh = szh;
        long nzl = szl;
        for (int i = 0; i < giants; i++) {
            int t = 2 * (nb + i);
            px[t] = kxh;
            px[t + 1] = kxl;
            pz[t] = kzh;
            pz[t + 1] = kzl;
            dadd(nxh, nxl, nzh, nzl, gh, gl, gzh, gzl, kxh, kxl, kzh, kzl);
            kxh = nxh;
            kxl = nxl;
            kzh = nzh;
            kzl = nzl;
            nxh = rxh;
            nxl = rxl;
            nzh = rzh;
            nzl = rzl;
        }
        if (!normalize(points)) {
            return !(m.hi == m.nHi && m.lo == m.nLo); // a Z shared a factor with n
        }
        return products(level, nb, giants);
    }

    /**
     * Stage 2's product of {@code x_G − x_b} over the level's pairs, then its gcd with n: true if that
     * is a proper factor (left in (m.hi, m.lo)). A method of its own so that the JIT compiler, which
     * stops inlining in a method that has taken in ~8,000 bytes of bytecode ({@code DesiredMethodLimit}),
     * inlines the multiplication here: in {@link #stage2} it stayed a call.
     */
    private boolean products(Level level, int nb, int giants) {
        Montgomery128 m = this.m;
        long[] px = this.px;
        long acch = m.oneHi;
        long accl = m.oneLo;
        int[] start = level.start;
        short[] pairs = level.pairs;
        for (int i = 0; i < giants; i++) {
            int g = 2 * (nb + i);
            long xgh = px[g];
            long xgl = px[g + 1];
            for (int t = start[i]; t < start[i + 1]; t++) {
                int b = 2 * pairs[t];
                m.sub(xgh, xgl, px[b], px[b + 1]);
                m.mul(acch, accl, m.hi, m.lo);
                acch = m.hi;
                accl = m.lo;
            }
        }
        m.gcdWithModulus(acch, accl);
        return !(m.hi == 0 && m.lo == 1) && !(m.hi == m.nHi && m.lo == m.nLo);
    }

    /**
     * Replaces {@code px[i]} by {@code px[i]/pz[i]} for the first {@code count} points with one
     * inversion (prefix products, then unwinding). False if the product of the Z's is not invertible;
     * then {@code gcd(product, n)} is in (m.hi, m.lo).
     */
    private boolean normalize(int count) {
        Montgomery128 m = this.m;
        long[] px = this.px;
        long[] pz = this.pz;
        long[] prefix = this.prefix;
        long ph = pz[0];
        long pl = pz[1];
        prefix[0] = ph;
        prefix[1] = pl;
        for (int i = 1; i < count; i++) {
            m.mul(ph, pl, pz[2 * i], pz[2 * i + 1]);
            ph = m.hi;
            pl = m.lo;
            prefix[2 * i] = ph;
            prefix[2 * i + 1] = pl;
        }
        m.fromMontgomery(ph, pl);
        long plainH = m.hi;
        long plainL = m.lo;
        m.gcdWithModulus(plainH, plainL);
        if (m.hi != 0 || m.lo != 1) {
            return false;
        }
        m.inverse(plainH, plainL);
        m.toMontgomery(m.hi, m.lo);
        long ih = m.hi; // the form of 1/(z_0 ... z_i), i = count − 1 downwards
        long il = m.lo;
        for (int i = count - 1; i > 0; i--) {
            m.mul(ih, il, prefix[2 * i - 2], prefix[2 * i - 1]); // 1/z_i
            long zih = m.hi;
            long zil = m.lo;
            m.mul(ih, il, pz[2 * i], pz[2 * i + 1]);
            ih = m.hi;
            il = m.lo;
            m.mul(px[2 * i], px[2 * i + 1], zih, zil);
            px[2 * i] = m.hi;
            px[2 * i + 1] = m.lo;
        }
        m.mul(px[0], px[1], ih, il);
        px[0] = m.hi;
        px[1] = m.lo;
        return true;
    }
}
