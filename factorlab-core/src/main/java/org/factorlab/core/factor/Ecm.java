package org.factorlab.core.factor;

import org.factorlab.core.arith.MontgomeryLimbs;
import org.factorlab.core.parallel.UnitExecutor;
import org.factorlab.core.parallel.WorkUnit;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
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
 * {@code v = 4σ}, start point {@code x = u^3/v^3} and {@code (A + 2)/4 = (v − u)^3(3u + v)/(16u^3v)}.
 * Its group orders are divisible by 12, which makes smoothness likelier. Only {@code X} and {@code Z}
 * are kept: doubling costs 3 multiplications and 2 squarings, the differential addition of
 * {@code P + Q} given {@code P − Q} the same when {@code P − Q} has {@code Z = 1} and one more
 * multiplication otherwise (P. L. Montgomery, "Speeding the Pollard and elliptic curve methods of
 * factorization", Math. Comp. 48 (1987) 243–264, §10). All residues are in {@link MontgomeryLimbs}
 * form; σ is taken from a counter, so a run is reproducible.
 *
 * <p><b>Stage 1</b> multiplies the start point by {@code k = ∏ q}, {@code q} the largest power of each
 * prime {@code ≤ B1} not above B1. {@code k} (about {@code 1.44·B1} bits) is computed once per B1 and
 * shared by all curves and threads; its odd part is applied with one Montgomery ladder whose
 * difference is always the affine start point (6M + 4S per bit), and its power of 2 by plain
 * doublings. Then {@code gcd(Z, n)} is tried.
 *
 * <p><b>Stage 2</b> (the standard continuation, baby-step giant-step) catches a group order of the
 * form (B1-smooth)·{@code ℓ} with one prime {@code B1 < ℓ ≤ B2}. With {@code D} a primorial (chosen
 * per B2 to balance baby and giant steps), write {@code ℓ = kD ± b}, {@code 0 < b < D/2},
 * {@code gcd(b, D) = 1}. If {@code Q} is the stage-1 point and {@code [ℓ]Q} is neutral mod {@code p},
 * then {@code [kD]Q = ∓[b]Q} mod {@code p}: equal x-coordinates. The baby steps {@code [b]Q} and,
 * block by block, the giant steps {@code [kD]Q} are normalised to {@code Z = 1} with one modular
 * inversion per block (Montgomery's simultaneous-inversion trick, 3 multiplications per element;
 * Crandall &amp; Pomerance Algorithm 9.4.5), so each pair {@code (k, b)} costs one multiplication,
 * {@code acc ← acc·(x_kD − x_b)}, and covers both {@code kD − b} and {@code kD + b} when both are
 * prime. Which pairs {@code (k, b)} to take depends only on {@code (B1, B2, D)}: it is sieved once and
 * shared. One gcd closes the stage.
 *
 * <p><b>Cost.</b> Per curve about {@code 1.44·B1·(6M + 4S)} for stage 1 and {@code ~0.85·π(B2)}
 * multiplications for stage 2 (with {@code B2 = 100·B1} stage 2 took about 40% of a curve at B1 = 2000,
 * less at larger B1 where π(B2)/B1 shrinks). B2 = 100·B1 was kept: B2 = 200·B1 would add roughly
 * 10–15% to the chance per curve for about as much extra time; the machine was too loaded to settle
 * this finer by measurement.
 * The expected total for a factor {@code p} is {@code L(p)^(√2 + o(1))} with
 * {@code L(p) = exp(√(ln p ln ln p))}.
 *
 * <p><b>Schedule and parallelism.</b> {@link #factor(BigInteger, UnitExecutor, ProgressListener)}
 * runs batches of curves with growing B1 — the usual table for factors of 15, 20, 25, 30, 35, …
 * digits (B1 = 2000, 11000, 50000, 250000, 10^6, …) with {@code B2 = 100·B1} — cut into
 * {@link EcmUnit}s of a few curves each (σ consecutive, the cut independent of the executor), until a
 * factor is found. With several workers the first factor to arrive is returned, which may come from a
 * later unit than in a sequential run: any nontrivial factor is a valid answer.
 *
 * <p>Stateless and thread-safe: each unit builds its own arithmetic and buffers; the stage plans are
 * immutable and cached per JVM. Checks for interruption every few milliseconds.
 */
public final class Ecm {

    /** One batch of the schedule: B1 and the number of curves aimed at factors of {@code digits} digits. */
    private record Level(int digits, long b1, int curves) {
    }

    /** The customary batches for 15-, 20-, 25-, 30-, 35-, 40-, 45-, 50-digit factors. */
    private static final Level[] SCHEDULE = {
            new Level(15, 2_000, 25), new Level(20, 11_000, 90), new Level(25, 50_000, 300),
            new Level(30, 250_000, 700), new Level(35, 1_000_000, 1_800), new Level(40, 3_000_000, 5_100),
            new Level(45, 11_000_000, 10_600), new Level(50, 43_000_000, 19_300)};

    /** B2 = B2_FACTOR·B1. */
    static final long B2_FACTOR = 100;

    private static final long FIRST_SIGMA = 6;

    /** Target work per unit, in B1·limbs² (about 0.1–0.5 s on one core). */
    private static final double UNIT_WORK = 5e6;

    /** Giant steps normalised together (one inversion per block). */
    private static final int GIANT_BLOCK = 1024;

    /** Progress is reported at most this often. */
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private Ecm() {
    }

    /**
     * What an {@link EcmUnit} found.
     *
     * @param factor a nontrivial factor of the unit's {@code n}, or {@code null}
     * @param curves the number of curves run (up to and including the successful one)
     */
    public record EcmResult(BigInteger factor, int curves) implements Serializable {
    }

    /**
     * {@code curves ≥ 0} ECM curves with σ = {@code firstSigma ≥ 6}, {@code firstSigma + 1}, … and
     * bounds {@code 60 ≤ b1 ≤ b2} on the odd {@code n > 1}: a pure function of its fields, so it can
     * run anywhere and be repeated (the stage plans it needs are rebuilt or taken from the per-JVM
     * cache). Stops at the first curve that finds a factor.
     */
    public record EcmUnit(BigInteger n, long b1, long b2, long firstSigma, int curves)
            implements WorkUnit<EcmResult> {

        public EcmUnit {
            Objects.requireNonNull(n, "n");
            if (n.signum() <= 0 || !n.testBit(0) || n.equals(BigInteger.ONE)) {
                throw new IllegalArgumentException("n must be odd and > 1: " + n);
            }
            if (b1 < 60 || b2 < b1) {
                throw new IllegalArgumentException("need 60 <= B1 <= B2, got B1=" + b1 + ", B2=" + b2);
            }
            if (curves < 0 || firstSigma < 6) {
                throw new IllegalArgumentException("need curves >= 0 and sigma >= 6");
            }
        }

        @Override
        public EcmResult compute() {
            if (curves == 0) {
                return new EcmResult(null, 0);
            }
            Curve curve = new Curve(new MontgomeryLimbs(n), b1, b2);
            for (int i = 0; i < curves; i++) {
                BigInteger f = curve.run(firstSigma + i);
                if (f != null) {
                    return new EcmResult(f, i + 1);
                }
            }
            return new EcmResult(null, curves);
        }
    }

    /**
     * A nontrivial factor of the odd composite {@code n}, which must not be a perfect power. Runs the
     * schedule (and, after it, ever larger B1) on the calling thread until it succeeds.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static BigInteger factor(BigInteger n) {
        return factor(n, UnitExecutor.SAME_THREAD, ProgressListener.NONE);
    }

    /**
     * A nontrivial factor of the odd composite {@code n} (not a perfect power): runs the schedule, and
     * after it ever larger B1, as {@link EcmUnit}s on {@code executor} until one finds a factor.
     * Reports progress as {@code ("ecm", "curve c of C at B1=…", c/C)} a few times a second at most.
     *
     * @throws CancellationException if the calling thread is interrupted
     */
    public static BigInteger factor(BigInteger n, UnitExecutor executor, ProgressListener progress) {
        return factor(n, executor, progress, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #factor(BigInteger, UnitExecutor, ProgressListener)} but runs only the levels of the
     * schedule aimed at factors of at most {@code maxFactorDigits} digits (at least the first level),
     * and returns {@code null} if none of their curves finds a factor: a pre-pass that pulls small
     * factors out of numbers too big for other methods.
     *
     * @throws CancellationException if the calling thread is interrupted
     */
    public static BigInteger factor(BigInteger n, UnitExecutor executor, ProgressListener progress,
                                    int maxFactorDigits) {
        return factor(n, executor, progress, maxFactorDigits, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #factor(BigInteger, UnitExecutor, ProgressListener, int)} but stops after
     * {@code maxCurves ≥ 1} curves in all, taken from the start of the schedule: a pre-pass cut to
     * what its expected yield pays for.
     *
     * @throws CancellationException if the calling thread is interrupted
     */
    public static BigInteger factor(BigInteger n, UnitExecutor executor, ProgressListener progress,
                                    int maxFactorDigits, int maxCurves) {
        if (maxCurves < 1) {
            throw new IllegalArgumentException("need maxCurves >= 1, got " + maxCurves);
        }
        Schedule units = new Schedule(n, maxFactorDigits, maxCurves);
        BigInteger[] found = new BigInteger[1];
        long[] done = {0};
        long[] lastReport = {System.nanoTime() - PROGRESS_INTERVAL_NANOS};
        executor.execute(units, (EcmResult r) -> {
            if (r.factor() != null) {
                found[0] = r.factor();
                return false;
            }
            // Units finish out of order, so the level is read off the total number of curves done.
            done[0] += r.curves();
            long now = System.nanoTime();
            if (now - lastReport[0] >= PROGRESS_INTERVAL_NANOS) {
                lastReport[0] = now;
                long before = 0;
                int i = 0;
                while (before + level(i).curves() <= done[0] && level(i + 1).digits() <= maxFactorDigits) {
                    before += level(i).curves();
                    i++;
                }
                Level l = level(i);
                long planned = Math.min(l.curves(), Math.max(1, (long) maxCurves - before));
                long c = Math.min(planned, done[0] - before);
                progress.progress("ecm", "curve " + c + " of " + planned + " at B1=" + l.b1(),
                        (double) c / planned);
            }
            return true;
        });
        return found[0];
    }

    /**
     * Tries {@code curves} curves with σ = {@code firstSigma}, {@code firstSigma + 1}, … and bounds
     * {@code b1 ≥ 60}, {@code b2 ≥ b1}, on the odd {@code n > 1}, on the calling thread.
     *
     * @return a nontrivial factor of {@code n}, or {@code null} if none of the curves found one
     * @throws CancellationException if the thread is interrupted
     */
    public static BigInteger factor(BigInteger n, long b1, long b2, int curves, long firstSigma) {
        return new EcmUnit(n, b1, b2, firstSigma, curves).compute().factor();
    }

    private static Level level(int index) {
        if (index < SCHEDULE.length) {
            return SCHEDULE[index];
        }
        Level last = SCHEDULE[SCHEDULE.length - 1];
        int beyond = index - SCHEDULE.length + 1;
        // Beyond the table: B1 doubles twice (the stage-1 sieve and scalar must stay in memory),
        // then further levels repeat with fresh curves.
        return new Level(last.digits() + 5 * beyond, last.b1() << Math.min(beyond, 2), last.curves());
    }

    /** The units of the schedule, generated lazily, level by level. */
    private static final class Schedule implements Iterator<EcmUnit> {
        private final BigInteger n;
        private final int maxFactorDigits;
        private final int maxCurves;
        private final int limbs;
        private int levelIndex;
        private Level current;
        private int curveInLevel;
        private long curves;
        private long sigma = FIRST_SIGMA;

        Schedule(BigInteger n, int maxFactorDigits, int maxCurves) {
            this.n = n;
            this.maxFactorDigits = maxFactorDigits;
            this.maxCurves = maxCurves;
            this.limbs = (n.bitLength() + 63) >>> 6;
            this.current = level(0);
        }

        @Override
        public boolean hasNext() {
            if (curves >= maxCurves) {
                return false;
            }
            if (curveInLevel == current.curves()) {
                Level next = level(levelIndex + 1);
                if (next.digits() > maxFactorDigits) {
                    return false;
                }
                levelIndex++;
                current = next;
                curveInLevel = 0;
            }
            return true;
        }

        @Override
        public EcmUnit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            // A few curves per unit: enough to amortise the set-up, few enough to share a level
            // among workers and to stop soon after a factor turns up. Independent of the executor.
            long b1 = current.b1();
            int byCost = (int) Math.max(1, UNIT_WORK / ((double) b1 * limbs * limbs));
            int size = Math.max(1, Math.min(byCost, current.curves() / 8));
            size = (int) Math.min(Math.min(size, current.curves() - curveInLevel), maxCurves - curves);
            EcmUnit unit = new EcmUnit(n, b1, B2_FACTOR * b1, sigma, size);
            sigma += size;
            curveInLevel += size;
            curves += size;
            return unit;
        }
    }

    private static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("ECM interrupted");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Plans shared by all curves with the same bounds.

    private static final Map<Long, BigInteger> STAGE1_SCALARS = new ConcurrentHashMap<>();
    private static final Map<String, Stage2Plan> STAGE2_PLANS = new ConcurrentHashMap<>();
    private static final int PLAN_CACHE_LIMIT = 16;

    /** {@code ∏ q} over the prime powers {@code q = p^e ≤ b1}, {@code p^(e+1) > b1}: the stage-1 scalar. */
    static BigInteger stage1Scalar(long b1) {
        if (STAGE1_SCALARS.size() > PLAN_CACHE_LIMIT) {
            STAGE1_SCALARS.clear();
        }
        return STAGE1_SCALARS.computeIfAbsent(b1, Ecm::computeStage1Scalar);
    }

    private static BigInteger computeStage1Scalar(long b1) {
        int[] primes = PrimeSieve.primesUpTo((int) Math.min(Integer.MAX_VALUE - 8, b1));
        BigInteger[] terms = new BigInteger[primes.length];
        for (int i = 0; i < primes.length; i++) {
            long p = primes[i];
            long q = p;
            while (q <= b1 / p) {
                q *= p;
            }
            terms[i] = BigInteger.valueOf(q);
        }
        return product(terms, 0, terms.length);
    }

    /** The product of {@code terms[from, to)} by a balanced tree (quasi-linear, unlike a running product). */
    private static BigInteger product(BigInteger[] terms, int from, int to) {
        if (to - from <= 8) {
            BigInteger r = BigInteger.ONE;
            for (int i = from; i < to; i++) {
                r = r.multiply(terms[i]);
            }
            return r;
        }
        int mid = (from + to) >>> 1;
        return product(terms, from, mid).multiply(product(terms, mid, to));
    }

    /** The giant-step size for B1, B2: the primorial that minimises the step set-up cost. */
    static int giantStep(long b1, long b2) {
        int[] candidates = {6, 30, 210, 2310, 30030};
        int[] phiHalf = {1, 4, 24, 240, 2880};
        int best = 6;
        double bestCost = Double.MAX_VALUE;
        for (int i = 0; i < candidates.length; i++) {
            int d = candidates[i];
            if (d / 2 > b1) {
                break;   // k ≥ 1 for every prime above B1 needs D/2 ≤ B1
            }
            // Baby steps: D/4 additions (6M) and normalisation (4M); giant steps: one addition and
            // normalisation each.
            double cost = 6.0 * d / 4 + 4.0 * phiHalf[i] + 10.0 * b2 / d;
            if (cost < bestCost) {
                bestCost = cost;
                best = d;
            }
        }
        return best;
    }

    /** The odd {@code b < d/2} prime to {@code d}. */
    static int[] babySteps(int d) {
        int[] tmp = new int[d / 2];
        int count = 0;
        for (int b = 1; b < d / 2; b += 2) {
            if (BigInteger.valueOf(b).gcd(BigInteger.valueOf(d)).equals(BigInteger.ONE)) {
                tmp[count++] = b;
            }
        }
        return Arrays.copyOf(tmp, count);
    }

    /**
     * Which baby steps to pair with each giant step: for {@code k} in a block, the indices {@code i}
     * with {@code kD − b_i} or {@code kD + b_i} a prime in {@code (B1, B2]}. Kept whole (and shared)
     * when small; for huge B2 the blocks are recomputed per curve instead.
     */
    static final class Stage2Plan {
        final long b1;
        final long b2;
        final int d;
        final int[] babies;
        final long kFirst;
        final long kLast;
        final int blocks;
        private final int[] basePrimes;
        private final Block[] cached;   // null when blocks are computed on demand

        /** One block of giant steps: pairs of giant {@code kFirst + j} are idx[start[j], start[j+1]). */
        record Block(long k0, int count, int[] start, char[] idx) {
        }

        Stage2Plan(long b1, long b2) {
            this.b1 = b1;
            this.b2 = b2;
            this.d = giantStep(b1, b2);
            this.babies = babySteps(d);
            // Every ℓ > B1 has ℓ ≥ B1 + 1 ≥ kFirst·D, so its nearest multiple of D is at least kFirst·D.
            this.kFirst = Math.max(1, (b1 + 1) / d);
            this.kLast = Math.max(kFirst, (b2 + d / 2) / d);
            this.blocks = (int) ((kLast - kFirst) / GIANT_BLOCK + 1);
            this.basePrimes = PrimeSieve.basePrimesBelow(kLast * d + d);
            if (b2 <= 300_000_000L) {
                cached = new Block[blocks];
                for (int j = 0; j < blocks; j++) {
                    cached[j] = computeBlock(j);
                }
            } else {
                cached = null;
            }
        }

        Block block(int j) {
            return cached != null ? cached[j] : computeBlock(j);
        }

        private Block computeBlock(int j) {
            long k0 = kFirst + (long) j * GIANT_BLOCK;
            int count = (int) Math.min(GIANT_BLOCK, kLast - k0 + 1);
            long lo = k0 * d - d / 2;
            boolean[] prime = PrimeSieve.segment(lo, count * d + 1, basePrimes);
            int[] start = new int[count + 1];
            char[] idx = new char[count * babies.length];
            int e = 0;
            for (int g = 0; g < count; g++) {
                start[g] = e;
                long k = k0 + g;
                int centre = g * d + d / 2;
                for (int i = 0; i < babies.length; i++) {
                    int b = babies[i];
                    long lower = k * d - b;
                    long upper = k * d + b;
                    if ((prime[centre - b] && lower > b1 && lower <= b2)
                            || (prime[centre + b] && upper > b1 && upper <= b2)) {
                        idx[e++] = (char) i;
                    }
                }
            }
            start[count] = e;
            return new Block(k0, count, start, Arrays.copyOf(idx, e));
        }
    }

    static Stage2Plan stage2Plan(long b1, long b2) {
        if (STAGE2_PLANS.size() > PLAN_CACHE_LIMIT) {
            STAGE2_PLANS.clear();
        }
        return STAGE2_PLANS.computeIfAbsent(b1 + ":" + b2, key -> new Stage2Plan(b1, b2));
    }

    // ---------------------------------------------------------------------------------------------

    /** The working state of one ECM run on one modulus: arithmetic, plans and scratch buffers. */
    private static final class Curve {
        private final MontgomeryLimbs m;
        private final BigInteger n;
        private final long b1;
        private final long b2;
        private final BigInteger k1;        // stage-1 scalar, odd part
        private final int k1Twos;           // its power of two
        private final Stage2Plan plan;      // null when b2 == b1

        private final long[] a24;
        private final long[] x0;            // affine start point
        private final long[] t1;
        private final long[] t2;
        private final long[] t3;
        private final long[] t4;
        private long[] ax;                  // rolling triple (a, b, e) of the baby and giant steps
        private long[] az;
        private long[] bx;
        private long[] bz;
        private long[] ex;
        private long[] ez;
        private final long[] cx;
        private final long[] cz;
        private final long[][] babyX;
        private final long[][] babyZ;
        private final long[][] giantX;
        private final long[][] giantZ;
        private final long[][] prefix;

        Curve(MontgomeryLimbs m, long b1, long b2) {
            this.m = m;
            this.n = m.modulus();
            this.b1 = b1;
            this.b2 = b2;
            BigInteger k = stage1Scalar(b1);
            this.k1Twos = k.getLowestSetBit();
            this.k1 = k.shiftRight(k1Twos);
            this.plan = b2 > b1 ? stage2Plan(b1, b2) : null;
            this.a24 = m.newElement();
            this.x0 = m.newElement();
            this.t1 = m.newElement();
            this.t2 = m.newElement();
            this.t3 = m.newElement();
            this.t4 = m.newElement();
            this.ax = m.newElement();
            this.az = m.newElement();
            this.bx = m.newElement();
            this.bz = m.newElement();
            this.ex = m.newElement();
            this.ez = m.newElement();
            this.cx = m.newElement();
            this.cz = m.newElement();
            int nb = plan == null ? 0 : plan.babies.length;
            int ng = plan == null ? 0 : (int) Math.min(GIANT_BLOCK, plan.kLast - plan.kFirst + 1);
            this.babyX = new long[nb][m.size()];
            this.babyZ = new long[nb][m.size()];
            this.giantX = new long[ng][m.size()];
            this.giantZ = new long[ng][m.size()];
            this.prefix = new long[Math.max(nb, ng)][m.size()];
        }

        /** One curve: a factor, or null. */
        BigInteger run(long sigma) {
            BigInteger f = setUp(sigma);
            if (f != null) {
                return f.equals(n) ? null : f;
            }
            long[] x = m.newElement();
            long[] z = m.newElement();
            stage1(x, z);
            BigInteger g = MontgomeryLimbs.toBigInteger(z).gcd(n);
            if (!g.equals(BigInteger.ONE)) {
                return g.equals(n) ? null : g;
            }
            if (plan == null) {
                return null;
            }
            g = stage2(x, z);
            return g.equals(BigInteger.ONE) || g.equals(n) ? null : g;
        }

        /**
         * Suyama's curve for {@code sigma}: sets {@code a24} and the affine start point {@code x0};
         * returns a divisor of n when {@code 16u^3v} is not invertible (then the curve is unusable),
         * else null.
         */
        private BigInteger setUp(long sigma) {
            BigInteger s = BigInteger.valueOf(sigma);
            BigInteger u = s.multiply(s).subtract(BigInteger.valueOf(5)).mod(n);
            BigInteger v = s.shiftLeft(2).mod(n);
            BigInteger u3 = u.pow(3).mod(n);
            BigInteger v3 = v.pow(3).mod(n);
            BigInteger num = v.subtract(u).pow(3).multiply(u.multiply(BigInteger.valueOf(3)).add(v)).mod(n);
            BigInteger den = u3.multiply(v).shiftLeft(4).mod(n);
            // One inversion for both denominators: 1/(den·v^3).
            BigInteger both = den.multiply(v3).mod(n);
            BigInteger g = both.gcd(n);
            if (!g.equals(BigInteger.ONE)) {
                return g;
            }
            BigInteger inv = both.modInverse(n);
            copy(m.toMontgomery(num.multiply(v3).multiply(inv)), a24);           // num/den
            copy(m.toMontgomery(u3.multiply(den).multiply(inv)), x0);            // u^3/v^3
            return null;
        }

        private static void copy(long[] from, long[] to) {
            System.arraycopy(from, 0, to, 0, to.length);
        }

        /** {@code (x : z) ← [k](x0 : 1)}, k the stage-1 scalar. */
        private void stage1(long[] x, long[] z) {
            // Ladder over the odd part with the affine x0 as the constant difference:
            // (x : z) = [j]P, (bx : bz) = [j + 1]P for j the bits read so far.
            copy(x0, x);
            copy(m.one(), z);
            dbl(x, z, bx, bz);
            for (int bit = k1.bitLength() - 2; bit >= 0; bit--) {
                if (k1.testBit(bit)) {
                    addAffineDiff(x, z, bx, bz, x, z);
                    dbl(bx, bz, bx, bz);
                } else {
                    addAffineDiff(x, z, bx, bz, bx, bz);
                    dbl(x, z, x, z);
                }
                if ((bit & 1023) == 0) {
                    checkInterrupt();
                }
            }
            for (int i = 0; i < k1Twos; i++) {
                dbl(x, z, x, z);
            }
        }

        /** {@code (rx : rz) ← [2](x : z)}: 3M + 2S. Outputs may alias inputs. */
        private void dbl(long[] x, long[] z, long[] rx, long[] rz) {
            m.add(x, z, t1);
            m.sqr(t1, t1);            // (x + z)^2
            m.sub(x, z, t2);
            m.sqr(t2, t2);            // (x − z)^2
            m.sub(t1, t2, t3);        // 4xz
            m.mul(t1, t2, rx);
            m.mul(a24, t3, t4);
            m.add(t4, t2, t4);
            m.mul(t3, t4, rz);
        }

        /** {@code (rx : rz) ← P + Q} given {@code P − Q = (x0 : 1)}: 3M + 2S. Outputs may alias P or Q. */
        private void addAffineDiff(long[] px, long[] pz, long[] qx, long[] qz, long[] rx, long[] rz) {
            m.sub(px, pz, t1);
            m.add(qx, qz, t2);
            m.mul(t1, t2, t1);        // (px − pz)(qx + qz)
            m.add(px, pz, t2);
            m.sub(qx, qz, t3);
            m.mul(t2, t3, t2);        // (px + pz)(qx − qz)
            m.add(t1, t2, t3);
            m.sub(t1, t2, t4);
            m.sqr(t3, rx);
            m.sqr(t4, t4);
            m.mul(x0, t4, rz);
        }

        /**
         * {@code (rx : rz) ← P + Q} given {@code P − Q = (dx : dz)}, which must not be the neutral
         * element: 4M + 2S. Outputs may alias P or Q but not the difference.
         */
        private void add(long[] px, long[] pz, long[] qx, long[] qz, long[] dx, long[] dz,
                         long[] rx, long[] rz) {
            m.sub(px, pz, t1);
            m.add(qx, qz, t2);
            m.mul(t1, t2, t1);
            m.add(px, pz, t2);
            m.sub(qx, qz, t3);
            m.mul(t2, t3, t2);
            m.add(t1, t2, t3);
            m.sub(t1, t2, t4);
            m.sqr(t3, t3);
            m.sqr(t4, t4);
            m.mul(dz, t3, rx);
            m.mul(dx, t4, rz);
        }

        /**
         * {@code (rx : rz) ← [k](px : pz)} and {@code (sx : sz) ← [k + 1](px : pz)}, {@code k ≥ 1}, by
         * the Montgomery ladder with a projective difference. Outputs must not alias P.
         */
        private void ladder(long[] px, long[] pz, long k, long[] rx, long[] rz, long[] sx, long[] sz) {
            copy(px, rx);
            copy(pz, rz);
            dbl(px, pz, sx, sz);
            for (int bit = 62 - Long.numberOfLeadingZeros(k); bit >= 0; bit--) {
                if (((k >>> bit) & 1) != 0) {
                    add(rx, rz, sx, sz, px, pz, rx, rz);
                    dbl(sx, sz, sx, sz);
                } else {
                    add(rx, rz, sx, sz, px, pz, sx, sz);
                    dbl(rx, rz, rx, rz);
                }
            }
        }

        /**
         * Replaces each {@code (x_i : z_i)}, {@code i < count}, by {@code (x_i/z_i : 1)} with one
         * inversion (Montgomery's trick). Returns null on success, else {@code gcd(∏ z_i, n) > 1}.
         */
        private BigInteger normalise(long[][] xs, long[][] zs, int count) {
            copy(zs[0], prefix[0]);
            for (int i = 1; i < count; i++) {
                m.mul(prefix[i - 1], zs[i], prefix[i]);
            }
            long[] inv = t4;
            if (!m.invert(prefix[count - 1], inv)) {
                return MontgomeryLimbs.toBigInteger(prefix[count - 1]).gcd(n);
            }
            // inv = 1/(z_0 ⋯ z_i); then 1/z_i = inv·prefix[i − 1] and inv·z_i = 1/(z_0 ⋯ z_{i−1}).
            for (int i = count - 1; i > 0; i--) {
                m.mul(inv, prefix[i - 1], t3);
                m.mul(inv, zs[i], inv);
                m.mul(xs[i], t3, xs[i]);
            }
            m.mul(xs[0], inv, xs[0]);
            return null;
        }

        /** The standard continuation from the stage-1 point; returns gcd(product of x-differences, n). */
        private BigInteger stage2(long[] qx, long[] qz) {
            int nb = plan.babies.length;
            babySteps(qx, qz);
            BigInteger g = normalise(babyX, babyZ, nb);
            if (g != null) {
                return g;
            }
            // Giant steps [kD]Q from the ladder on [D]Q: (cx : cz) = [D]Q is the constant difference
            // source; (ax : az) = [kD]Q, (bx : bz) = [(k + 1)D]Q roll forward.
            long[] stepX = m.newElement();
            long[] stepZ = m.newElement();
            ladder(qx, qz, plan.d, stepX, stepZ, cx, cz);         // [D]Q (and [D + 1]Q, unused)
            ladder(stepX, stepZ, plan.kFirst, ax, az, bx, bz);
            long[] acc = m.one();
            for (int j = 0; j < plan.blocks; j++) {
                Stage2Plan.Block block = plan.block(j);
                giantSteps(block.count(), stepX, stepZ);
                g = normalise(giantX, giantZ, block.count());
                if (g != null) {
                    return g;
                }
                products(block, acc);
            }
            return MontgomeryLimbs.toBigInteger(acc).gcd(n);
        }

        /*
         * The loops of stage 2 are methods of their own: inside stage2 the JIT compiler inlined the
         * limb arithmetic of all of them into one method of 58-81 kB of machine code, compiled twice
         * (on-stack and normally) at ~1.6 s each, in every run with an ECM pre-pass (45 digits on),
         * where the two numbers of 50 digits took ~11 s of CPU in all.
         */

        /**
         * Baby steps [b]Q for odd b &lt; D/2, by [b + 2]Q = [b]Q + [2]Q with difference [b − 2]Q;
         * (ax : az) = [b − 2]Q, (bx : bz) = [b]Q, (cx : cz) = [2]Q; keeps those prime to D.
         */
        private void babySteps(long[] qx, long[] qz) {
            int[] babies = plan.babies;
            int nb = babies.length;
            dbl(qx, qz, cx, cz);
            copy(qx, bx);
            copy(qz, bz);
            int next = 0;
            for (int b = 1; next < nb; b += 2) {
                if (b == 3) {
                    copy(qx, ax);
                    copy(qz, az);
                    add(cx, cz, qx, qz, qx, qz, bx, bz);       // [3]Q = [2]Q + Q, difference Q
                } else if (b > 3) {
                    add(bx, bz, cx, cz, ax, az, ex, ez);
                    rotate();
                }
                if (babies[next] == b) {
                    copy(bx, babyX[next]);
                    copy(bz, babyZ[next]);
                    next++;
                }
            }
        }

        /** The next {@code count} giants into {@code giantX/Z}: [(k + 2)D]Q = [(k + 1)D]Q + [D]Q, difference [kD]Q. */
        private void giantSteps(int count, long[] stepX, long[] stepZ) {
            for (int i = 0; i < count; i++) {
                copy(ax, giantX[i]);
                copy(az, giantZ[i]);
                add(bx, bz, stepX, stepZ, ax, az, ex, ez);
                rotate();
            }
        }

        /** {@code acc ← acc · ∏ (x_giant − x_baby)} over the block's pairs (normalised points). */
        private void products(Stage2Plan.Block block, long[] acc) {
            int[] start = block.start();
            char[] idx = block.idx();
            for (int i = 0; i < block.count(); i++) {
                long[] xg = giantX[i];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    m.sub(xg, babyX[idx[e]], t1);
                    m.mul(acc, t1, acc);
                }
                if ((i & 15) == 0) {
                    checkInterrupt();
                }
            }
        }

        /** {@code (a, b, e) ← (b, e, a)}: the newest step becomes b, the oldest buffer is reused. */
        private void rotate() {
            long[] sx = ax;
            long[] sz = az;
            ax = bx;
            az = bz;
            bx = ex;
            bz = ez;
            ex = sx;
            ez = sz;
        }
    }
}
