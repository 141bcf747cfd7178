package org.factorlab.core.factor;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * Complete factorisation of unsigned 64-bit integers, allocation-free: the fast path behind
 * {@link AutoFactorizer#factor(long, long[])}, with each kernel chosen by the size of what is left.
 *
 * <h2>Pipeline</h2>
 * <ol>
 *   <li><b>Powers of two</b> by counting trailing zeros.</li>
 *   <li><b>Trial division</b> by the odd primes below {@value #TRIAL_LIMIT}, one multiplication per
 *       prime: for odd {@code p}, {@code p | n} iff {@code n·p^-1 mod 2^64 ≤ ⌊(2^64 − 1)/p⌋}, and then
 *       {@code n·p^-1} is the quotient (Granlund and Montgomery, PLDI 1994, §9). The test
 *       {@code p^2 > n} is only made once the cofactor has dropped below the bound's square, so large
 *       inputs pay one multiply-compare per prime. A cofactor below {@link #SMALL_COFACTOR} (2^24)
 *       is finished the same way with the primes up to 4096.</li>
 *   <li><b>Primality</b> of every cofactor ({@link #isPrime}): a strong probable-prime test to base 2
 *       whose exponentiation uses only squarings and modular doublings, then, for survivors, bases 7
 *       and 61 below 2^32 (Jaeschke, Math. Comp. 61 (1993): no composite below 4 759 123 141 passes
 *       2, 7, 61) or, above, a strong Lucas test with Selfridge's parameters, completing the
 *       Baillie–PSW test, which has no counterexample below 2^64 (Gilchrist 2009 checked it against
 *       Feitsma and Galway's list of all base-2 strong pseudoprimes below 2^64). The Lucas test costs
 *       about three base-2 tests instead of the six further Miller–Rabin bases (Sinclair's set) that
 *       the older path uses.</li>
 *   <li><b>Splitting</b> a composite cofactor {@code m} ({@link #split}): a perfect square or cube is
 *       recognised by floating-point roots. Below 2^{@value #HART_BITS}: two rho walks of about 200 steps
 *       each (factors up to about 2^14, which Hart's method finds slowly), then Hart's one-line algorithm
 *       ({@link #hart}), balanced factors being its best case. From there to 2^{@value #RHO_BITS}:
 *       Brent–Pollard rho ({@link #rho}, two walks in lockstep), which beat both Hart and ECM there. Above:
 *       two rho walks (Brent rounds up to {@value #RHO_SHORT_STEPS} steps, about 450 steps each) for the common
 *       small second factor, then ECM ({@link #ecm}) with the bound made for the largest possible
 *       smallest factor, {@code ⌈bits/2⌉} bits ({@link #ECM_B1S}: {@code B1} from 35 for 44-bit composites to 175 for 64-bit ones), raised a level after every
 *       {@value #ECM_PAIRS_PER_LEVEL} fruitless curve pairs; rho without a bound is the last resort.</li>
 *   <li>Pieces still to be examined live in a stack at the top end of {@code out} while primes fill it
 *       from the bottom (all pieces are ≥ 2 and multiply to {@code n < 2^64}, so there are at most 63
 *       and the ends never meet); an insertion sort orders the result.</li>
 * </ol>
 *
 * <h2>Kernels</h2>
 * <ul>
 *   <li><b>Hart</b> (W. B. Hart, "A one line factoring algorithm", J. Aust. Math. Soc. 92 (2012)
 *       61–69): for {@code i = 1, 2, …} put {@code s = ⌈√(M·n·i)⌉}; if {@code s^2 − M·n·i = t^2} then
 *       {@code gcd(s − t, n)} is usually a proper factor. The multiplier {@code M = }{@value #HART_MULTIPLIER}
 *       makes {@code M·i} rich in small square factors, which helps. The square test filters by
 *       residues mod 64 and 63 before a {@code double} square root; there is no division in the loop.
 *       About {@code n^{1/3}} steps at worst, far fewer typically.</li>
 *   <li><b>Rho</b> (Pollard 1975; Brent, BIT 20 (1980)): Brent's cycle finding on
 *       {@code x ↦ x^2 + c} in Montgomery form, with the differences of {@value #RHO_BATCH} steps
 *       multiplied together per gcd and a step-by-step replay when a batch's gcd is {@code n}; the
 *       first round has {@value #RHO_FIRST_ROUND} steps, not 1, because short rounds each cost a gcd
 *       and no factor below {@value #TRIAL_LIMIT} is left to find in them.</li>
 *   <li><b>ECM</b> (Lenstra 1987; Montgomery, "Speeding the Pollard and elliptic curve methods",
 *       Math. Comp. 48 (1987), §10; Crandall &amp; Pomerance §7.4): Montgomery curves with Suyama's
 *       parametrisation (group order divisible by 12), x-only arithmetic. The starting point is
 *       normalised to {@code Z = 1} with the single modular inverse that also gives
 *       {@code (A + 2)/4}, so the stage-1 ladder's differential additions cost 3M + 2S. Stage 1 is one
 *       branch-free Montgomery ladder over the precomputed product of all prime powers
 *       {@code ≤ B1} (about {@code 1.44·B1} bits). Stage 2 is a baby-step giant-step
 *       walk with {@code D = 210} up to {@code B2} ({@link #ecmStage2}): the 24 babies {@code [b]Q},
 *       {@code b < 105} coprime to 210, and the giants {@code [210k]Q} are normalised together by
 *       one modular inverse, after which each prime {@code 210k ± b} costs one multiplication. Curves
 *       run in pairs, interleaved in both stages (the ladders in one loop; the babies, giants and
 *       products of stage 2 in lockstep, with one inverse and one gcd for both), so that independent
 *       multiplication chains keep the multiplier busy. Below 2^63 the ladder has a copy whose
 *       modular corrections are sign masks ({@link #mul63}). B1 and B2 = 50·B1 were chosen by counting
 *       multiplications per factored number (curves needed × estimated cost per curve) over
 *       B1 = 27…300 and B2 = 25…100·B1 for products of two primes of 22 to 32 bits: B1 rises with
 *       the factor's size and the optimum is flat (within 5%) around it.</li>
 * </ul>
 *
 * <p><b>Cost</b>, counted in Montgomery multiplications by {@code Factor64Cost} (test tree; a gcd
 * weighs 60, an inverse 150): random 64-bit numbers 3,165 per number, products of two 24-, 28- and
 * 32-bit primes 7,612, 13,649 and 27,412 (about 6.3 ECM curves of ~4,000). The first version of this
 * path needed 3,893, 10,809, 19,603 and 37,484. Counts do not see instruction-level parallelism: the
 * pairing of curves in stage 2 costs 1-3% more multiplications (the second curve's stage 2 runs even
 * when the first finds the factor) to run two or four chains at once. Timings against GNU factor and
 * PARI/GP are in docs/benchmarks.md. The worst case is the 2x32-bit semiprime, bounded by ECM's
 * curve count.
 *
 * <p>Stateless and thread-safe; no allocation after class initialisation. The rho and ECM loops check
 * the thread's interrupt flag every batch or curve and throw {@link CancellationException}, leaving
 * the flag set.
 */
public final class Factor64 {

    static final int TRIAL_LIMIT = 1024;
    /** Hart's method below 2^HART_BITS, rho + ECM above. */
    static final int HART_BITS = 40;
    /** Rho alone below 2^RHO_BITS (from 2^HART_BITS). */
    static final int RHO_BITS = 44;
    /**
     * The rho walks tried before Hart's method: Brent rounds of 32 and 64 steps, about 200 in all, in
     * each of two walks. With two walks, 32 instead of 64 made 300,000 random numbers of 36-40 bits
     * 75% slower (more of them reach Hart's method with a small factor); 64 costs products of two
     * 20-bit primes 3% and saves the random numbers 15% against one walk (thread CPU, one JVM).
     */
    static final long RHO_BEFORE_HART = 64;
    static final long HART_MULTIPLIER = 480;
    /**
     * Brent's round length at which rho gives way to ECM. Counted in multiplications (a gcd as 60,
     * an inverse as 150) over 20,000 random 64-bit numbers and 1,000 balanced semiprimes each of
     * 48, 56 and 64 bits, one walk at a time: 256 cost the random numbers the least (3,109 per
     * number; 3,121 with 512, 3,222 with 128; counted before stage 1 lost its gcd) and the semiprimes,
     * for which the walk is wasted, 6-11% less than 512. Since session 12 {@link #rho} runs two walks
     * in lockstep, and 128 is best (thread CPU time in one JVM over the 100,000-number files of
     * docs/benchmarks.md, against one walk to 256: random 64-bit 0.726 -> 0.678 s, 2x32-bit
     * semiprimes 5.20 -> 4.98; two walks to 64: 0.714 and 4.85; to 256: 0.69 and 5.26 s).
     */
    static final long RHO_SHORT_STEPS = 128;
    static final int RHO_BATCH = 128;
    /**
     * Length of Brent's first round. Trial division has removed every prime below
     * {@value #TRIAL_LIMIT}, so walks are rarely shorter than ~40 steps, and each short round would
     * cost a gcd (about as much as 60 steps of the walk).
     */
    static final int RHO_FIRST_ROUND = 32;
    static final int ECM_MAX_CURVES = 300;

    /** Odd primes below TRIAL_LIMIT, their inverses mod 2^64, and ⌊(2^64 − 1)/p⌋. */
    private static final long[] PRIMES;
    private static final long[] INVERSES;
    private static final long[] LIMITS;
    /** The square of the least prime above TRIAL_LIMIT: a cofactor below it is prime. */
    private static final long TRIAL_SQUARE;
    /**
     * Cofactors below this (2^24) are finished by trial division up to their square root, by the
     * primes from TRIAL_LIMIT to 4096 ({@link #SMALL_PRIMES_ABOVE}): a few hundred multiplications
     * by inverses that cost less than the strong tests a prime would need, and far less than the
     * rho walk and Hart's method a composite would get (on {@code seq 0 10000000} those two took a
     * quarter of the time).
     */
    static final long SMALL_COFACTOR = 1L << 24;
    /** Primes above TRIAL_LIMIT up to √SMALL_COFACTOR, their inverses mod 2^64 and ⌊(2^64 − 1)/p⌋. */
    private static final long[] SMALL_PRIMES_ABOVE;
    private static final long[] SMALL_INVERSES_ABOVE;
    private static final long[] SMALL_LIMITS_ABOVE;

    private static final long[] SINCLAIR_BASES = {325, 9_375, 28_178, 450_775, 9_780_504, 1_795_265_022};

    static {
        int[] primes = PrimeSieve.primesUpTo(TRIAL_LIMIT + 64);
        int k = 0;
        while (primes[k] < TRIAL_LIMIT) {
            k++;
        }
        PRIMES = new long[k - 1];
        INVERSES = new long[k - 1];
        LIMITS = new long[k - 1];
        for (int i = 1; i < k; i++) {
            long p = primes[i];
            PRIMES[i - 1] = p;
            INVERSES[i - 1] = inverse64(p);
            LIMITS[i - 1] = Long.divideUnsigned(-1L, p);
        }
        TRIAL_SQUARE = (long) primes[k] * primes[k];
        int[] more = PrimeSieve.primesUpTo(1 << 12);
        int from = k;
        while (more[from] < TRIAL_LIMIT) {
            from++;
        }
        int count = more.length - from;
        SMALL_PRIMES_ABOVE = new long[count];
        SMALL_INVERSES_ABOVE = new long[count];
        SMALL_LIMITS_ABOVE = new long[count];
        for (int i = 0; i < count; i++) {
            long p = more[from + i];
            SMALL_PRIMES_ABOVE[i] = p;
            SMALL_INVERSES_ABOVE[i] = inverse64(p);
            SMALL_LIMITS_ABOVE[i] = Long.divideUnsigned(-1L, p);
        }
    }

    /**
     * One ECM parameter set: the stage-1 scalar {@code ∏ p^⌊log_p B1⌋} (its bits below the leading
     * one, least significant word first) and, for stage 2 with {@code D = 60}, the first giant index
     * and for each giant {@code k} the babies {@code b} with {@code 60k ± b} a prime in {@code (B1, B2]}.
     */
    static final class Plan {
        final int b1;
        final int b2;
        final long[] words;
        final int bits;
        /** The first and last giant index {@code k} (giants are {@code [210k]Q}). */
        final int giantFirst;
        final int giantLast;
        /** For giant {@code giantFirst + j}: bit {@code i} set iff {@code 210k ± BABIES[i]} is a prime in {@code (B1, B2]}. */
        final int[] masks;
        /** Baby-giant pairs, one multiplication each. */
        final int pairs;

        Plan(int b1, int b2Multiple) {
            this.b1 = b1;
            this.b2 = b2Multiple * b1;
            int[] primes = PrimeSieve.primesUpTo(b2);
            BigInteger scalar = BigInteger.ONE;
            for (int p : primes) {
                if (p > b1) {
                    break;
                }
                long q = p;
                while (q * p <= b1) {
                    q *= p;
                }
                scalar = scalar.multiply(BigInteger.valueOf(q));
            }
            bits = scalar.bitLength() - 1;
            words = new long[bits / 64 + 1];
            for (int bit = 0; bit < bits; bit++) {
                if (scalar.testBit(bit)) {
                    words[bit >>> 6] |= 1L << (bit & 63);
                }
            }
            // Every prime q > 7 is 210k ± b for k = round(q/210) and one baby b ≤ 105 coprime to 210.
            int first = Integer.MAX_VALUE;
            int last = 0;
            int[] byGiant = new int[b2 / STAGE2_D + 2];
            for (int q : primes) {
                if (q > b1) {
                    int k = (q + STAGE2_D / 2) / STAGE2_D;
                    byGiant[k] |= 1 << BABY_INDEX[Math.abs(q - STAGE2_D * k)];
                    first = Math.min(first, k);
                    last = Math.max(last, k);
                }
            }
            giantFirst = Math.max(1, Math.min(first, last));
            giantLast = Math.max(giantFirst, last);
            masks = Arrays.copyOfRange(byGiant, giantFirst, giantLast + 1);
            int count = 0;
            for (int m : masks) {
                count += Integer.bitCount(m);
            }
            pairs = count;
        }

        /** Points stage 2 normalises: the babies and the giants. */
        int points() {
            return BABIES.length + masks.length;
        }

        /**
         * Estimated Montgomery multiplications per curve (for tuning): the ladder's 10 per bit; in
         * stage 2 about 220 for the babies, 6 per giant step, 4 per point normalised, one per pair,
         * about 75 for its half of the modular inverse the two curves of a pair share; about 250 for
         * the curve's set-up and gcds.
         */
        int cost() {
            return 10 * bits + 220 + 6 * giantLast + 4 * points() + 75 + pairs + 250;
        }
    }

    /** Stage 2's giant step {@code D = 2·3·5·7}: pairs {@code 210k ± b} share one baby {@code b}. */
    static final int STAGE2_D = 210;
    /** The 24 babies: the {@code b < 105} coprime to 210. */
    static final int[] BABIES = {1, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
            97, 101, 103};
    /** The index of {@code b} in {@link #BABIES}, or −1. */
    private static final int[] BABY_INDEX = new int[STAGE2_D / 2 + 1];

    static {
        Arrays.fill(BABY_INDEX, -1);
        for (int i = 0; i < BABIES.length; i++) {
            BABY_INDEX[BABIES[i]] = i;
        }
    }

    /**
     * Stage-1 bounds of the ECM levels, smallest first. A composite of {@code b} bits with no factor
     * below {@value #TRIAL_LIMIT} has a prime factor of at most {@code ⌈b/2⌉} bits, and ECM starts at
     * the level made for that size ({@link #ECM_START_LEVEL}); a factor that is smaller is found as
     * well, at little more cost. The bounds minimise the expected Montgomery multiplications per
     * balanced semiprime, measured over 600-1,000 products of two random primes per size
     * (docs/benchmarks.md): 2x22 bits B1 35, 2x24 50, 2x26 85, 2x28 100, 2x30 150, 2x32 175, all
     * with {@code B2 = 50·B1}.
     */
    static final int[] ECM_B1S = {35, 50, 85, 100, 150, 175, 250};
    /** {@code B2 = ECM_B2_MULTIPLE · B1}. */
    static final int ECM_B2_MULTIPLE = 50;
    /** The level to start at for a composite whose smallest prime factor has at most {@code h} bits. */
    private static final int[] ECM_START_LEVEL = new int[33];
    /** Curve pairs tried on one level before moving to the next (the last level runs until done). */
    static final int ECM_PAIRS_PER_LEVEL = 8;

    static final Plan[] PLANS;

    static {
        PLANS = new Plan[ECM_B1S.length];
        for (int i = 0; i < PLANS.length; i++) {
            PLANS[i] = new Plan(ECM_B1S[i], ECM_B2_MULTIPLE);
        }
        int[] maxHalfBits = {22, 24, 26, 28, 30, 32};
        for (int h = 0; h <= 32; h++) {
            int level = 0;
            while (level < maxHalfBits.length - 1 && h > maxHalfBits[level]) {
                level++;
            }
            ECM_START_LEVEL[h] = level;
        }
    }

    private Factor64() {
    }


    // ------------------------------------------------------------------------------------------
    // The whole factorisation
    // ------------------------------------------------------------------------------------------

    /**
     * The prime factors of the unsigned {@code n}, ascending, with multiplicity, written to
     * {@code out[0..count)}; returns {@code count}. 0 and 1 have no factors.
     *
     * @param out room for the factors; length at least 64
     * @throws CancellationException if the thread is interrupted during a long split
     */
    public static int factor(long n, long[] out) {
        if (Long.compareUnsigned(n, 2) < 0) {
            return 0;
        }
        int count = 0;
        int twos = Long.numberOfTrailingZeros(n);
        for (int i = 0; i < twos; i++) {
            out[count++] = 2;
        }
        n >>>= twos;
        if (n == 1) {
            return count;
        }

        count = trialDivide(n, out, count);
        n = out[count]; // the cofactor, left just past the factors
        if (n == 1) {
            return count;
        }
        // No prime factor below TRIAL_LIMIT remains and, if n < TRIAL_SQUARE, n is prime.
        if (Long.compareUnsigned(n, TRIAL_SQUARE) < 0) {
            out[count++] = n;
            return count;
        }
        if (Long.compareUnsigned(n, SMALL_COFACTOR) < 0) {
            // n < 2^24 with no factor below 1024 has at most two prime factors (1031^3 > 2^24).
            for (int j = 0; j < SMALL_PRIMES_ABOVE.length; j++) {
                long p = SMALL_PRIMES_ABOVE[j];
                if (p * p > n) {
                    break;
                }
                long q = n * SMALL_INVERSES_ABOVE[j];
                if (Long.compareUnsigned(q, SMALL_LIMITS_ABOVE[j]) <= 0) {
                    out[count++] = p;
                    n = q;
                    break;
                }
            }
            out[count++] = n;
            return count;
        }
        int start = count;
        count = splitCofactor(n, out, count);
        if (count - start > 1) {
            insertionSort(out, start, count);
        }
        return count;
    }

    /**
     * Trial division of odd {@code n > 1} by the primes below {@value #TRIAL_LIMIT}: appends the
     * primes found to {@code out} from {@code count} on, leaves the cofactor at {@code out[result]}
     * and returns the new count.
     *
     * <p>A method of its own so that {@link #factor}, which has no loop left, is compiled by C2 after
     * thousands of calls rather than after the ~200 whose loop iterations reach the compile
     * threshold: with so few, branches taken by one number in a hundred (a cofactor below 2^24, a
     * square) had not been seen yet, were compiled as traps, and each first use recompiled
     * {@code factor}: six C2 compilations of it, ~1 s of CPU, in a run of 100,000 random numbers.
     */
    private static int trialDivide(long n, long[] out, int count) {
        int i = 0;
        final int primes = PRIMES.length;
        if (Long.compareUnsigned(n, TRIAL_SQUARE) >= 0) {
            // Large cofactor: no early-exit test needed until it shrinks below TRIAL_SQUARE.
            for (; i < primes; i++) {
                long q = n * INVERSES[i];
                if (Long.compareUnsigned(q, LIMITS[i]) <= 0) {
                    do { // p divides n, and q = n/p
                        out[count++] = PRIMES[i];
                        n = q;
                        q = n * INVERSES[i];
                    } while (Long.compareUnsigned(q, LIMITS[i]) <= 0);
                    if (Long.compareUnsigned(n, TRIAL_SQUARE) < 0) {
                        i++;
                        break;
                    }
                }
            }
        }
        // Here n < TRIAL_SQUARE or every trial prime was tried.
        for (; i < primes; i++) {
            long p = PRIMES[i];
            if (p * p > n) { // n < TRIAL_SQUARE < 2^63 here, so a signed compare is right
                break;
            }
            long q = n * INVERSES[i];
            while (Long.compareUnsigned(q, LIMITS[i]) <= 0) {
                out[count++] = p;
                n = q;
                q = n * INVERSES[i];
            }
        }
        out[count] = n;
        return count;
    }

    /** Appends the prime factors of {@code n} (odd, ≥ TRIAL_SQUARE, no prime factor below TRIAL_LIMIT). */
    private static int splitCofactor(long n, long[] out, int count) {
        int top = out.length;
        out[--top] = n;
        while (top < out.length) {
            long m = out[top++];
            if (Long.compareUnsigned(m, TRIAL_SQUARE) < 0 || isPrimeNoSmallFactor(m)) {
                out[count++] = m;
                continue;
            }
            long f = split(m);
            out[--top] = f;
            out[--top] = Long.divideUnsigned(m, f);
        }
        return count;
    }

    /**
     * A nontrivial factor of the odd composite unsigned {@code m}, which must have no prime factor
     * below {@value #TRIAL_LIMIT} (the kernels are tuned for that; correctness needs only odd
     * composite, except that Hart's method is then slower).
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static long split(long m) {
        long r = isqrt(m);
        if (r * r == m) {
            return r;
        }
        if (Long.compareUnsigned(m, 1L << HART_BITS) < 0) {
            // Hart needs about 0.3·m^(1/3) steps whatever the factors, rho about √p: a short rho walk
            // first takes the unbalanced cases (p up to about 2^13), Hart the balanced ones.
            long f = rho(m, RHO_BEFORE_HART);
            if (f == 0) {
                f = hart(m, (int) (2 * Math.cbrt((double) m)) + 16);
            }
            return f != 0 ? f : rho(m, Long.MAX_VALUE);
        }
        if (Long.compareUnsigned(m, 1L << RHO_BITS) < 0) {
            return rho(m, Long.MAX_VALUE);
        }
        long c = icbrt(m);
        if (c * c * c == m) {
            return c;
        }
        long f = rho(m, RHO_SHORT_STEPS);
        if (f != 0) {
            return f;
        }
        f = ecm(m, ECM_MAX_CURVES);
        if (f != 0) {
            return f;
        }
        return rho(m, Long.MAX_VALUE);
    }

    private static void insertionSort(long[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= from && Long.compareUnsigned(a[j], x) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /**
     * Operation counting for tuning (system property {@code factorlab.countOps=true}, single thread
     * only): {@link #operations} then counts Montgomery multiplications, a gcd as
     * {@value #GCD_COST} and a modular inverse as {@value #INVERSE_COST} of them (their measured
     * time relative to one multiplication). Counts do not depend on the machine's load, which made
     * timings on the project's shared 2-core machine vary by 2x between identical runs. Off, the
     * JIT compiler removes the counting entirely (a {@code static final} false).
     */
    static final boolean COUNTING = Boolean.getBoolean("factorlab.countOps");
    static final int GCD_COST = 60;
    static final int INVERSE_COST = 150;
    static long operations;

    // ------------------------------------------------------------------------------------------
    // Montgomery arithmetic modulo odd n, R = 2^64 (Montgomery 1985; see Montgomery64)
    // ------------------------------------------------------------------------------------------

    /**
     * {@code a·b·2^-64 mod n} for reduced {@code a, b}, with {@code nInv = n^-1 mod 2^64}.
     *
     * <p>The correction, here and in {@link #add} and {@link #sub}, adds a conditional expression,
     * {@code n} or 0 on an unsigned comparison, which the JIT compiler makes a conditional move (no
     * branch to mispredict), two instructions shorter than computing a borrow mask ({@link #borrow}).
     * It is written as {@code d + (borrow ? n : 0)} and not as {@code borrow ? d + n : d} on purpose:
     * C2 does not make a select a conditional move when the select's result feeds a comparison
     * directly (it expects to split that comparison through the merge instead), and in ECM every
     * product and sum feeds the comparison of the next addition or subtraction. In the second form
     * eight of the 44 selects of a ladder step were branches, taken or not about equally often (JIT
     * output disassembled); in the first the select's result feeds only the addition. Ladder step of
     * a curve pair ({@code bench/research/LadderSelect.java}): 50-52 ns with the second form, 29 with
     * the first (45 with the comparison written on flipped top bits, {@code (a ^ MIN) < (b ^ MIN)}, which
     * also keeps the select's result out of the comparison but costs two XORs).
     * On the machine of sessions 1-10, in a loop of
     * dependent multiplications: 8.4 ns per multiplication against 10.5 with the mask; four
     * independent chains 3.7 against 4.6 ns (C with {@code __int128}: 8.0 and 2.6 ns).
     */
    static long mul(long a, long b, long n, long nInv) {
        if (COUNTING) {
            operations++;
        }
        long hi = Math.unsignedMultiplyHigh(a, b);
        long mh = Math.unsignedMultiplyHigh(a * b * nInv, n);
        // hi, mh < n: (T − m·n)/2^64 = hi − mh lies in (−n, n); n is added back on a borrow.
        return hi - mh + (Long.compareUnsigned(hi, mh) < 0 ? n : 0);
    }

    /**
     * All ones if {@code a < b} as unsigned numbers, else zero, given {@code d = a − b}: the borrow
     * out of the top bit. The binary gcd's loop uses it to stay free of branches (see {@link #gcdOdd}).
     */
    private static long borrow(long a, long b, long d) {
        return ((~a & b) | (~(a ^ b) & d)) >> 63;
    }

    /** {@code (a + b) mod n} for reduced {@code a, b}, also when the sum overflows 64 bits. */
    static long add(long a, long b, long n) {
        long t = n - b; // in (0, n]; a + b ≥ n iff a ≥ n − b, and then a + b − n = a − t
        return a - t + (Long.compareUnsigned(a, t) < 0 ? n : 0);
    }

    /** {@code (a − b) mod n} for reduced {@code a, b}. */
    static long sub(long a, long b, long n) {
        return a - b + (Long.compareUnsigned(a, b) < 0 ? n : 0);
    }

    /** {@code n^-1 mod 2^64} for odd {@code n} (Newton's iteration; the start is right to 5 bits). */
    static long inverse64(long n) {
        long x = (3 * n) ^ 2;
        x *= 2 - n * x;
        x *= 2 - n * x;
        x *= 2 - n * x;
        x *= 2 - n * x;
        return x;
    }

    /** {@code 2^64 mod n}, the Montgomery form of 1. */
    static long montOne(long n) {
        return n < 0 ? -n : Long.remainderUnsigned(-n, n);
    }

    /** {@code 2^128 mod n}: {@code R^2}, which converts into Montgomery form by one {@link #mul}. */
    static long montR2(long one, long n, long nInv) {
        long x = add(one, one, n); // form of 2; six squarings make it the form of 2^64 = R
        for (int i = 0; i < 6; i++) {
            x = mul(x, x, n, nInv);
        }
        return x;
    }

    /** The plain residue of a Montgomery form. */
    static long fromMont(long a, long n, long nInv) {
        long mh = Math.unsignedMultiplyHigh(a * nInv, n);
        return mh == 0 ? 0 : n - mh;
    }

    /**
     * The greatest common divisor of unsigned {@code a} and odd {@code n} (binary gcd, Stein 1967),
     * without branches in the loop: which of the two is smaller is as good as random, and a
     * mispredicted branch per step cost half the time (measured: 500 ns with branches, 330 ns
     * with masks, for random 64-bit pairs). Each step puts {@code min(a, b)} in {@code b} and
     * {@code |a − b|} with its trailing zeros removed in {@code a}.
     */
    static long gcdOdd(long a, long n) {
        if (COUNTING) {
            operations += GCD_COST;
        }
        if (a == 0) {
            return n;
        }
        a >>>= Long.numberOfTrailingZeros(a);
        long b = n;
        // a and b odd; gcd unchanged by removing factors of 2 since n is odd.
        while (a != b) {
            long d = a - b;
            long less = borrow(a, b, d);
            int zeros = Long.numberOfTrailingZeros(d);
            b += d & less; // b + (a − b) = a when a < b
            a = ((d ^ less) - less) >>> zeros; // |a − b|
        }
        return a;
    }

    /**
     * {@code a^-1 mod n} for odd {@code n} and reduced {@code a}, or 0 when {@code gcd(a, n) ≠ 1}.
     * Extended Euclid on the remainders {@code r_i = s_i·n + t_i·a}, keeping only {@code |t_i|}: the
     * signs alternate ({@code t_i = (−1)^(i+1)|t_i|}) and the magnitudes grow by
     * {@code |t_(i+1)| = |t_(i−1)| + q·|t_i| ≤ n}, so unsigned 64-bit arithmetic holds them. About 38
     * divisions for 64-bit operands (Knuth, TAOCP vol. 2, 4.5.3). The binary algorithm it replaces
     * halved bit by bit with branches that went either way: 757 against 175 ns per inverse of random
     * 64-bit operands (bench/research/Inverse64.java). ECM asks for inverses that almost always
     * exist, so it takes the gcd only when this returns 0.
     */
    static long inverseMod(long a, long n) {
        if (COUNTING) {
            operations += INVERSE_COST;
        }
        long r0 = n;
        long r1 = a;
        long t0 = 0;
        long t1 = 1;
        int steps = 0;
        while (r1 != 0) {
            long q = Long.divideUnsigned(r0, r1);
            long r2 = r0 - q * r1;
            r0 = r1;
            r1 = r2;
            long t2 = t0 + q * t1;
            t0 = t1;
            t1 = t2;
            steps++;
        }
        if (r0 != 1) {
            return 0;
        }
        return (steps & 1) == 1 ? t0 : n - t0;
    }

    // ------------------------------------------------------------------------------------------
    // Primality
    // ------------------------------------------------------------------------------------------

    private static final long[] SMALL_PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47};

    /** Whether the unsigned {@code n} is prime (deterministic for every 64-bit value). */
    public static boolean isPrime(long n) {
        if (Long.compareUnsigned(n, 2) < 0) {
            return false;
        }
        for (long p : SMALL_PRIMES) {
            if (n == p) {
                return true;
            }
            if (Long.remainderUnsigned(n, p) == 0) {
                return false;
            }
        }
        if (Long.compareUnsigned(n, 53 * 53) < 0) {
            return true;
        }
        return isPrimeNoSmallFactor(n);
    }

    /** Whether the odd {@code n > 61} with no prime factor below 53 is prime. */
    static boolean isPrimeNoSmallFactor(long n) {
        long nInv = inverse64(n);
        long one = montOne(n);
        long minusOne = n - one;
        long nm1 = n - 1;
        int s = Long.numberOfTrailingZeros(nm1);
        long d = nm1 >>> s;
        // Base 2: x ← x^2, and x ← 2x (a modular doubling, not a multiplication) for each 1 bit.
        long x = add(one, one, n);
        for (int bit = 62 - Long.numberOfLeadingZeros(d); bit >= 0; bit--) {
            x = mul(x, x, n, nInv);
            long twice = add(x, x, n);
            x = ((d >>> bit) & 1) != 0 ? twice : x;
        }
        if (!strongTail(x, s, one, minusOne, n, nInv)) {
            return false;
        }
        long r2 = montR2(one, n, nInv);
        if (Long.compareUnsigned(n, 0xFFFF_FFFFL) <= 0) {
            return strongTest(7, d, s, one, minusOne, r2, n, nInv)
                    && strongTest(61, d, s, one, minusOne, r2, n, nInv);
        }
        return USE_LUCAS ? strongLucasSelfridge(n, one, r2, nInv) : sinclair(d, s, one, minusOne, r2, n, nInv);
    }

    private static boolean sinclair(long d, int s, long one, long minusOne, long r2, long n, long nInv) {
        for (long base : SINCLAIR_BASES) {
            if (!strongTest(base, d, s, one, minusOne, r2, n, nInv)) {
                return false;
            }
        }
        return true;
    }

    /** BPSW above 2^32; false (Sinclair's bases) only to measure the difference. */
    static final boolean USE_LUCAS = true;

    /**
     * The strong Lucas probable-prime test with Selfridge's parameters (the first {@code D} in 5, −7,
     * 9, −11, … with Jacobi symbol {@code (D/n) = −1}, {@code P = 1}, {@code Q = (1 − D)/4}): with
     * {@code n + 1 = d·2^s}, {@code n} passes if {@code U_d ≡ 0} or {@code V_(d·2^r) ≡ 0} for some
     * {@code r < s} (Baillie and Wagstaff, Math. Comp. 35 (1980); Crandall &amp; Pomerance §3.6.1).
     * Uses {@code U_2k = U_k V_k}, {@code V_2k = V_k^2 − 2Q^k} and {@code U_(k+1) = (U_k + V_k)/2},
     * {@code V_(k+1) = (D U_k + V_k)/2}, all in Montgomery form (halving is linear, so it commutes
     * with the factor R). {@code n} must be odd, above 2^32 and not a perfect square.
     */
    static boolean strongLucasSelfridge(long n, long one, long r2, long nInv) {
        long dAbs = 5;
        boolean negative = false;
        while (true) {
            int j = jacobiSmall(dAbs, n);
            if (negative && ((n >>> 1) & 1) == 1) {
                j = -j; // (−1/n) = −1 for n ≡ 3 (mod 4)
            }
            if (j == -1) {
                break;
            }
            if (j == 0 && dAbs != n) {
                return false; // dAbs shares a factor with n
            }
            dAbs += 2;
            negative = !negative;
            if (dAbs == 21) {
                long r = isqrt(n);
                if (r * r == n) {
                    return false;
                }
            }
        }
        long dm = mul(dAbs, r2, n, nInv);
        if (negative) {
            dm = sub(0, dm, n);
        }
        // Q = (1 − D)/4: for D = 5, 9, 13, … it is −(|D| − 1)/4; for D = −7, −11, … it is (|D| + 1)/4.
        long qm = negative ? mul((dAbs + 1) >>> 2, r2, n, nInv) : sub(0, mul((dAbs - 1) >>> 2, r2, n, nInv), n);
        long np1 = n + 1; // no overflow: 2^64 − 1 is divisible by 3, so it never gets here
        int s = Long.numberOfTrailingZeros(np1);
        long d = np1 >>> s;
        long u = one;
        long v = one;
        long qk = qm;
        for (int bit = 62 - Long.numberOfLeadingZeros(d); bit >= 0; bit--) {
            u = mul(u, v, n, nInv);
            v = sub(mul(v, v, n, nInv), add(qk, qk, n), n);
            qk = mul(qk, qk, n, nInv);
            if (((d >>> bit) & 1) != 0) {
                long uNext = half(add(u, v, n), n);
                v = half(add(mul(dm, u, n, nInv), v, n), n);
                u = uNext;
                qk = mul(qk, qm, n, nInv);
            }
        }
        if (u == 0 || v == 0) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            v = sub(mul(v, v, n, nInv), add(qk, qk, n), n);
            if (v == 0) {
                return true;
            }
            qk = mul(qk, qk, n, nInv);
        }
        return false;
    }

    /** {@code x/2 mod n} for odd {@code n}: {@code (x + n)/2} when {@code x} is odd, without overflow. */
    private static long half(long x, long n) {
        return (x & 1) == 0 ? x >>> 1 : (x >>> 1) + (n >>> 1) + 1;
    }

    /** The Jacobi symbol {@code (a/n)} for small {@code a > 0} and odd {@code n}. */
    static int jacobiSmall(long a, long n) {
        // (a/n) with a < n: reciprocity first, so that the one remainder of a big value is by a small one.
        int t = 1;
        long x = a;
        long y = n;
        while ((x & 1) == 0) {
            x >>>= 1;
            long r = y & 7;
            if (r == 3 || r == 5) {
                t = -t;
            }
        }
        // now x odd; swap
        if ((x & 3) == 3 && (y & 3) == 3) {
            t = -t;
        }
        long tmp = Long.remainderUnsigned(y, x);
        y = x;
        x = tmp;
        while (x != 0) {
            while ((x & 1) == 0) {
                x >>>= 1;
                long r = y & 7;
                if (r == 3 || r == 5) {
                    t = -t;
                }
            }
            if ((x & 3) == 3 && (y & 3) == 3) {
                t = -t;
            }
            tmp = y % x;
            y = x;
            x = tmp;
        }
        return y == 1 ? t : 0;
    }

    private static boolean strongTest(long base, long d, int s, long one, long minusOne, long r2, long n, long nInv) {
        long a = mul(base, r2, n, nInv); // base < n here, so this is its Montgomery form
        long x = a;
        for (int bit = 62 - Long.numberOfLeadingZeros(d); bit >= 0; bit--) {
            x = mul(x, x, n, nInv);
            if (((d >>> bit) & 1) != 0) {
                x = mul(x, a, n, nInv);
            }
        }
        return strongTail(x, s, one, minusOne, n, nInv);
    }

    /** The strong test's end, given {@code x = a^d}: is {@code x = 1} or some {@code x^(2^r) = −1}? */
    private static boolean strongTail(long x, int s, long one, long minusOne, long n, long nInv) {
        if (x == one || x == minusOne) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            x = mul(x, x, n, nInv);
            if (x == minusOne) {
                return true;
            }
            if (x == one) {
                return false;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // Hart's one-line factoring
    // ------------------------------------------------------------------------------------------

    /** Hart iterations before falling back to rho. */
    static final int HART_MAX_ITERATIONS = 1 << 16;

    /** Quadratic residues mod 64 and mod 63 as bit masks: bit r set iff r is a square. */
    private static final long SQUARES_MOD_64;
    private static final long SQUARES_MOD_63;

    static {
        long m64 = 0;
        long m63 = 0;
        for (int i = 0; i < 64; i++) {
            m64 |= 1L << (i * i % 64);
            m63 |= 1L << (i * i % 63);
        }
        SQUARES_MOD_64 = m64;
        SQUARES_MOD_63 = m63;
    }

    /**
     * Hart's one-line factoring algorithm with multiplier {@value #HART_MULTIPLIER}: a nontrivial
     * factor of the odd composite {@code n < 2^42} (not a square), or 0 after {@code maxIterations}.
     * Stops early where {@code HART_MULTIPLIER·n·i} would reach 2^62.
     */
    public static long hart(long n, int maxIterations) {
        long step = n * HART_MULTIPLIER;
        long ni = 0;
        long last = Math.min(maxIterations, (1L << 62) / step);
        for (long i = 1; i <= last; i++) {
            ni += step;
            long s = (long) Math.sqrt((double) ni) + 1;
            long m = s * s - ni;
            if (m < 0) { // the double root was more than one too small: impossible below 2^62, but cheap
                s++;
                m = s * s - ni;
            }
            if (((SQUARES_MOD_64 >>> m) & 1) == 0 || ((SQUARES_MOD_63 >>> (m % 63)) & 1) == 0) {
                continue;
            }
            long t = (long) Math.sqrt((double) m);
            if (t * t != m) {
                continue;
            }
            long g = gcdOdd(s - t, n);
            if (g != 1 && g != n) {
                return g;
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------
    // Pollard–Brent rho
    // ------------------------------------------------------------------------------------------

    /**
     * A nontrivial factor of the odd composite {@code n} found by Brent's rho within about
     * {@code maxSteps} iterations in all (several constants {@code c} if one fails), or 0.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static long rho(long n, long maxSteps) {
        long nInv = inverse64(n);
        long one = montOne(n);
        long c = one;
        long budget = maxSteps;
        while (budget > 0) {
            long c1 = add(c, one, n);
            c = add(c1, one, n);
            long f = rhoWalks(n, nInv, c1, c, one, budget);
            if (f != n && f != 1) {
                return f;
            }
            budget = f == 1 ? 0 : budget - Math.max(1, budget >>> 1);
        }
        return 0;
    }

    /**
     * Two of Brent's walks, {@code y ← y^2 + c1} and {@code y ← y^2 + c2}, in lockstep, with rounds
     * of up to {@code maxSteps}: a factor, 1 if neither walk found one, or {@code n} if they failed.
     * Each walk is a chain of dependent multiplications that leaves the multiplier mostly idle, so
     * two cost little more time than one, and two walks of k steps find a factor p about as often as
     * one walk of k√2 steps (a collision modulo p after k steps has probability about
     * 1 − exp(−k^2/2p) per walk).
     */
    private static long rhoWalks(long n, long nInv, long c1, long c2, long one, long maxSteps) {
        long y1 = c1;
        long y2 = c2;
        long x1;
        long x2;
        long ys1 = y1;
        long ys2 = y2;
        long q1 = one;
        long q2 = one;
        long g = 1;
        long r = RHO_FIRST_ROUND;
        do {
            x1 = y1;
            x2 = y2;
            for (long i = 0; i < r; i++) {
                y1 = add(mul(y1, y1, n, nInv), c1, n);
                y2 = add(mul(y2, y2, n, nInv), c2, n);
            }
            for (long k = 0; k < r && g == 1; k += RHO_BATCH) {
                ys1 = y1;
                ys2 = y2;
                long steps = Math.min(RHO_BATCH, r - k);
                for (long i = 0; i < steps; i++) {
                    y1 = add(mul(y1, y1, n, nInv), c1, n);
                    y2 = add(mul(y2, y2, n, nInv), c2, n);
                    q1 = mul(q1, sub(x1, y1, n), n, nInv);
                    q2 = mul(q2, sub(x2, y2, n), n, nInv);
                }
                g = gcdOdd(mul(q1, q2, n, nInv), n);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("rho interrupted");
            }
            if (g == 1 && r >= maxSteps) {
                return 1;
            }
            r <<= 1;
        } while (g == 1);
        if (g != n) {
            return g;
        }
        // Both walks' products together hold every prime of n. Each alone may hold only one;
        // otherwise replay the last batch of a walk whose product is 0 one gcd at a time.
        long g1 = gcdOdd(q1, n);
        if (g1 != 1 && g1 != n) {
            return g1;
        }
        long g2 = gcdOdd(q2, n);
        if (g2 != 1 && g2 != n) {
            return g2;
        }
        if (g1 == n) {
            g = replay(ys1, x1, c1, n, nInv);
            if (g != n) {
                return g;
            }
        }
        return g2 == n ? replay(ys2, x2, c2, n, nInv) : n;
    }

    /** The gcd of {@code x − y} and {@code n} for the first {@code y} after {@code ys} on the walk {@code y^2 + c} where it is not 1. */
    private static long replay(long ys, long x, long c, long n, long nInv) {
        long g;
        do {
            ys = add(mul(ys, ys, n, nInv), c, n);
            g = gcdOdd(sub(x, ys, n), n);
        } while (g == 1);
        return g;
    }

    // ------------------------------------------------------------------------------------------
    // ECM
    // ------------------------------------------------------------------------------------------

    /**
     * A nontrivial factor of the odd composite {@code n} (not a prime power) by up to
     * {@code maxCurves} elliptic curves, or 0.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public static long ecm(long n, int maxCurves) {
        int halfBits = (65 - Long.numberOfLeadingZeros(n)) >>> 1;
        return ecm(n, maxCurves, PLANS, LEVEL_PAIRS, ECM_START_LEVEL[halfBits]);
    }

    /** {@link #ECM_PAIRS_PER_LEVEL} on every level but the last, which runs until done. */
    private static final int[] LEVEL_PAIRS = levelPairs();

    private static int[] levelPairs() {
        int[] pairs = new int[ECM_B1S.length];
        Arrays.fill(pairs, ECM_PAIRS_PER_LEVEL);
        pairs[pairs.length - 1] = Integer.MAX_VALUE;
        return pairs;
    }

    /** {@link #ecm(long, int)} with {@code pairs[i]} curve pairs on {@code plans[i]} (the last plan until done). */
    static long ecm(long n, int maxCurves, Plan[] plans, int[] pairs) {
        return ecm(n, maxCurves, plans, pairs, 0);
    }

    /** {@link #ecm(long, int, Plan[], int[])} starting on {@code plans[level]}. */
    static long ecm(long n, int maxCurves, Plan[] plans, int[] pairs, int level) {
        long nInv = inverse64(n);
        long one = montOne(n);
        long r2 = montR2(one, n, nInv);
        int pairsAtLevel = 0;
        for (int curve = 0; curve < maxCurves; curve += 2) {
            while (pairsAtLevel >= pairs[level] && level < plans.length - 1) {
                level++;
                pairsAtLevel = 0;
            }
            pairsAtLevel++;
            Plan plan = plans[level];
            long f = ecmCurvePair(n, nInv, one, r2, 6 + curve, plan);
            if (f != 0) {
                return f;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("ECM interrupted");
            }
        }
        return 0;
    }

    /**
     * One curve with Suyama parameter {@code sigma}: a nontrivial factor, or 0. Only the rare
     * fallback of {@link #ecmCurvePair} needs a curve alone; it runs the pair's code with the curve
     * in both places, at twice the cost, rather than keeping a second copy of the ladder.
     */
    static long ecmCurve(long n, long nInv, long one, long r2, long sigma, Plan plan) {
        long wPlain = fromMont(suyamaW(sigma, n, nInv, r2), n, nInv);
        long wPlainInv = inverseMod(wPlain, n);
        if (wPlainInv == 0) {
            long g = gcdOdd(wPlain, n);
            return g == n ? 0 : g;
        }
        long wInv = mul(wPlainInv, r2, n, nInv);
        long a24 = suyamaA24(sigma, wInv, n, nInv, r2);
        long px = suyamaX(sigma, wInv, n, nInv, r2);
        return bothStages(px, a24, px, a24, one, r2, n, nInv, plan);
    }

    /** Suyama's u = σ^2 − 5 and v = 4σ in Montgomery form; {@code which} selects u (0) or v (1). */
    private static long suyamaUV(long sigma, int which, long n, long nInv, long r2) {
        long plain = which == 0 ? sigma * sigma - 5 : 4 * sigma;
        return mul(Long.remainderUnsigned(plain, n), r2, n, nInv);
    }

    /** {@code w = 16u^3v·v^3}: the one denominator of both (A + 2)/4 and the normalised x of P. */
    private static long suyamaW(long sigma, long n, long nInv, long r2) {
        long u = suyamaUV(sigma, 0, n, nInv, r2);
        long v = suyamaUV(sigma, 1, n, nInv, r2);
        long u3 = mul(mul(u, u, n, nInv), u, n, nInv);
        long v2 = mul(v, v, n, nInv);
        long w = mul(mul(u3, v, n, nInv), mul(v2, v, n, nInv), n, nInv);
        for (int i = 0; i < 4; i++) {
            w = add(w, w, n);
        }
        return w;
    }

    /** {@code (A + 2)/4 = (v − u)^3 (3u + v) / (16u^3 v)} given {@code wInv = 1/w}. */
    private static long suyamaA24(long sigma, long wInv, long n, long nInv, long r2) {
        long u = suyamaUV(sigma, 0, n, nInv, r2);
        long v = suyamaUV(sigma, 1, n, nInv, r2);
        long vmu = sub(v, u, n);
        long num = mul(mul(mul(vmu, vmu, n, nInv), vmu, n, nInv), add(add(add(u, u, n), u, n), v, n), n, nInv);
        long v3 = mul(mul(v, v, n, nInv), v, n, nInv);
        return mul(mul(num, v3, n, nInv), wInv, n, nInv);
    }

    /** The normalised {@code x = u^3/v^3 = u^3·16u^3v/w} of Suyama's point, given {@code wInv = 1/w}. */
    private static long suyamaX(long sigma, long wInv, long n, long nInv, long r2) {
        long u = suyamaUV(sigma, 0, n, nInv, r2);
        long v = suyamaUV(sigma, 1, n, nInv, r2);
        long u3 = mul(mul(u, u, n, nInv), u, n, nInv);
        long den = mul(u3, v, n, nInv);
        for (int i = 0; i < 4; i++) {
            den = add(den, den, n);
        }
        return mul(mul(u3, den, n, nInv), wInv, n, nInv);
    }

    /**
     * Two curves, Suyama parameters {@code sigma} and {@code sigma + 1}, whose stage-1 ladders run
     * interleaved in one loop: the two dependency chains overlap in the multiplier, which one chain
     * alone leaves partly idle (its multiplications wait on each other's results). The two
     * normalising inverses are shared (Montgomery's simultaneous inversion). A nontrivial factor, or 0.
     */
    static long ecmCurvePair(long n, long nInv, long one, long r2, long sigma, Plan plan) {
        long wa = suyamaW(sigma, n, nInv, r2);
        long wb = suyamaW(sigma + 1, n, nInv, r2);
        long wPlain = fromMont(mul(wa, wb, n, nInv), n, nInv);
        long wPlainInv = inverseMod(wPlain, n);
        if (wPlainInv == 0) {
            long g = gcdOdd(wPlain, n);
            if (g != n) {
                return g;
            }
            long f = ecmCurve(n, nInv, one, r2, sigma, plan);
            return f != 0 ? f : ecmCurve(n, nInv, one, r2, sigma + 1, plan);
        }
        long wInv = mul(wPlainInv, r2, n, nInv); // 1/(wa·wb)
        long waInv = mul(wInv, wb, n, nInv);
        long wbInv = mul(wInv, wa, n, nInv);
        long a24a = suyamaA24(sigma, waInv, n, nInv, r2);
        long a24b = suyamaA24(sigma + 1, wbInv, n, nInv, r2);
        long pa = suyamaX(sigma, waInv, n, nInv, r2);
        long pb = suyamaX(sigma + 1, wbInv, n, nInv, r2);

        return bothStages(pa, a24a, pb, a24b, one, r2, n, nInv, plan);
    }

    /** Stage 1 and stage 2 of two curves given by the normalised x of their point and their (A+2)/4. */
    private static long bothStages(long pa, long a24a, long pb, long a24b, long one, long r2, long n, long nInv,
                                   Plan plan) {
        long[] space = ecmSpace(plan);
        ladderPair(space, plan.words, plan.bits, pa, a24a, pb, a24b, one, n, nInv, n > 0);
        // No gcd after stage 1: a point that is O modulo p makes every point of its stage 2 O modulo
        // p too, and stage 2's simultaneous inversion then finds p.
        return ecmStage2(space[0], space[1], a24a, space[2], space[3], a24b, one, r2, n, nInv, plan);
    }

    /**
     * Stage 1 of two curves, their Montgomery ladders interleaved in one loop: the two dependency
     * chains overlap in the multiplier, which one chain alone leaves partly idle. Leaves
     * {@code [k]P_a} and {@code [k]P_b} as {@code (x:z)} in {@code space[0..4)}.
     *
     * <p>A method of its own on purpose: the JIT compiler stops inlining once a compiled method has
     * taken in about 8,000 bytes of bytecode ({@code DesiredMethodLimit}); inside the caller, with
     * the curves' set-up inlined first, the loop's multiplications became calls.
     */
    static void ladderPair(long[] space, long[] words, int bits, long pa, long a24a, long pb, long a24b,
                                   long one, long n, long nInv, boolean below63) {
        long xa0 = pa;
        long za0 = one;
        long xa1 = dblXL(below63, pa, one, n, nInv);
        long za1 = dblZL(below63, pa, one, a24a, n, nInv);
        long xb0 = pb;
        long zb0 = one;
        long xb1 = dblXL(below63, pb, one, n, nInv);
        long zb1 = dblZL(below63, pb, one, a24b, n, nInv);
        long swapped = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            long b = (words[bit >>> 6] >>> bit) & 1;
            long mask = -(b ^ swapped);
            swapped = b;
            long t = (xa0 ^ xa1) & mask;
            xa0 ^= t;
            xa1 ^= t;
            t = (za0 ^ za1) & mask;
            za0 ^= t;
            za1 ^= t;
            t = (xb0 ^ xb1) & mask;
            xb0 ^= t;
            xb1 ^= t;
            t = (zb0 ^ zb1) & mask;
            zb0 ^= t;
            zb1 ^= t;

            long da = subL(below63, xa0, za0, n);
            long sa = addL(below63, xa0, za0, n);
            long db = subL(below63, xb0, zb0, n);
            long sb = addL(below63, xb0, zb0, n);
            long p = mulL(below63, da, addL(below63, xa1, za1, n), n, nInv);
            long q = mulL(below63, sa, subL(below63, xa1, za1, n), n, nInv);
            long pp = mulL(below63, db, addL(below63, xb1, zb1, n), n, nInv);
            long qq = mulL(below63, sb, subL(below63, xb1, zb1, n), n, nInv);
            long ssa = mulL(below63, sa, sa, n, nInv);
            long dda = mulL(below63, da, da, n, nInv);
            long ssb = mulL(below63, sb, sb, n, nInv);
            long ddb = mulL(below63, db, db, n, nInv);
            long pq = addL(below63, p, q, n);
            long pmq = subL(below63, p, q, n);
            long ppq = addL(below63, pp, qq, n);
            long ppmq = subL(below63, pp, qq, n);
            long ta = subL(below63, ssa, dda, n);
            long tb = subL(below63, ssb, ddb, n);
            xa1 = mulL(below63, pq, pq, n, nInv);
            xb1 = mulL(below63, ppq, ppq, n, nInv);
            za1 = mulL(below63, pa, mulL(below63, pmq, pmq, n, nInv), n, nInv);
            zb1 = mulL(below63, pb, mulL(below63, ppmq, ppmq, n, nInv), n, nInv);
            xa0 = mulL(below63, ssa, dda, n, nInv);
            xb0 = mulL(below63, ssb, ddb, n, nInv);
            za0 = mulL(below63, ta, addL(below63, dda, mulL(below63, a24a, ta, n, nInv), n), n, nInv);
            zb0 = mulL(below63, tb, addL(below63, ddb, mulL(below63, a24b, tb, n, nInv), n), n, nInv);
        }
        long mask = -swapped;
        space[0] = xa0 ^ ((xa0 ^ xa1) & mask);
        space[1] = za0 ^ ((za0 ^ za1) & mask);
        space[2] = xb0 ^ ((xb0 ^ xb1) & mask);
        space[3] = zb0 ^ ((zb0 ^ zb1) & mask);
    }

    // The ladder's arithmetic for either kind of modulus: below63 is the same for the whole call, and
    // C2 unswitches the ladder's loop on it (one loop with each kind of arithmetic inlined).
    private static long mulL(boolean below63, long a, long b, long n, long nInv) {
        return below63 ? mul63(a, b, n, nInv) : mul(a, b, n, nInv);
    }

    private static long addL(boolean below63, long a, long b, long n) {
        return below63 ? add63(a, b, n) : add(a, b, n);
    }

    private static long subL(boolean below63, long a, long b, long n) {
        return below63 ? sub63(a, b, n) : sub(a, b, n);
    }

    /** {@link #dblX} in the ladder's arithmetic. */
    private static long dblXL(boolean below63, long x, long z, long n, long nInv) {
        long s = addL(below63, x, z, n);
        long d = subL(below63, x, z, n);
        return mulL(below63, mulL(below63, s, s, n, nInv), mulL(below63, d, d, n, nInv), n, nInv);
    }

    /** {@link #dblZ} in the ladder's arithmetic. */
    private static long dblZL(boolean below63, long x, long z, long a24, long n, long nInv) {
        long s = addL(below63, x, z, n);
        long d = subL(below63, x, z, n);
        long dd = mulL(below63, d, d, n, nInv);
        long t = subL(below63, mulL(below63, s, s, n, nInv), dd, n);
        return mulL(below63, t, addL(below63, dd, mulL(below63, a24, t, n, nInv), n), n, nInv);
    }

    /** {@link #mul} for {@code n < 2^63}: the borrow of {@code hi − mh} is the sign of the difference. */
    static long mul63(long a, long b, long n, long nInv) {
        if (COUNTING) {
            operations++;
        }
        long r = Math.unsignedMultiplyHigh(a, b) - Math.unsignedMultiplyHigh(a * b * nInv, n);
        return r + (n & (r >> 63));
    }

    /** {@link #add} for {@code n < 2^63}. */
    static long add63(long a, long b, long n) {
        long d = a - (n - b);
        return d + (n & (d >> 63));
    }

    /** {@link #sub} for {@code n < 2^63}. */
    static long sub63(long a, long b, long n) {
        long d = a - b;
        return d + (n & (d >> 63));
    }

    /** Differential addition's X: {@code z_(P−Q)·((x_P − z_P)(x_Q + z_Q) + (x_P + z_P)(x_Q − z_Q))^2}. */
    private static long addX(long px, long pz, long qx, long qz, long dz, long n, long nInv) {
        long p = mul(sub(px, pz, n), add(qx, qz, n), n, nInv);
        long q = mul(add(px, pz, n), sub(qx, qz, n), n, nInv);
        long a = add(p, q, n);
        return mul(dz, mul(a, a, n, nInv), n, nInv);
    }

    /** Differential addition's Z: {@code x_(P−Q)·(... − ...)^2}; same operands as {@link #addX}. */
    private static long addZ(long px, long pz, long qx, long qz, long dx, long n, long nInv) {
        long p = mul(sub(px, pz, n), add(qx, qz, n), n, nInv);
        long q = mul(add(px, pz, n), sub(qx, qz, n), n, nInv);
        long a = sub(p, q, n);
        return mul(dx, mul(a, a, n, nInv), n, nInv);
    }

    /** Doubling's X: {@code (x+z)^2 (x−z)^2}. */
    private static long dblX(long x, long z, long n, long nInv) {
        long s = add(x, z, n);
        long d = sub(x, z, n);
        return mul(mul(s, s, n, nInv), mul(d, d, n, nInv), n, nInv);
    }

    /** Doubling's Z: {@code 4xz·((x−z)^2 + a24·4xz)} with {@code 4xz = (x+z)^2 − (x−z)^2}. */
    private static long dblZ(long x, long z, long a24, long n, long nInv) {
        long s = add(x, z, n);
        long d = sub(x, z, n);
        long dd = mul(d, d, n, nInv);
        long t = sub(mul(s, s, n, nInv), dd, n);
        return mul(t, add(dd, mul(a24, t, n, nInv), n), n, nInv);
    }

    /**
     * Per-thread work space of ECM: stage 1's two points in {@code [0, 4)}, stage 2's scratch up to
     * {@link #SCRATCH}, then the x and z of every baby and giant of both curves and the running
     * products of the batch inversion. Grown when a plan needs more; never shrunk.
     */
    private static final ThreadLocal<long[]> ECM_SPACE = ThreadLocal.withInitial(() -> new long[0]);

    private static long[] ecmSpace(Plan plan) {
        long[] space = ECM_SPACE.get();
        int size = SCRATCH + 6 * plan.points();
        if (space.length < size) {
            space = new long[size];
            ECM_SPACE.set(space);
        }
        return space;
    }

    /**
     * Stage 2 of two curves from {@code Q_a = (xa:za)} and {@code Q_b = (xb:zb)}, the points stage 1
     * left: a nontrivial factor, or 0. For each prime {@code q = 210k ± b} in {@code (B1, B2]},
     * {@code [q]Q = O} modulo a prime factor {@code p} exactly when the giant {@code [210k]Q} and the
     * baby {@code [b]Q} have the same {@code x} modulo {@code p}. The babies and giants of both
     * curves are first normalised to {@code z = 1} by one modular inverse (Montgomery's simultaneous
     * inversion), so that each pair then costs one multiplication, {@code acc ← acc·(x_G − x_b)};
     * the two curves' products are independent chains, interleaved, and one gcd with {@code n} at the
     * end finds {@code p}. A point with {@code z ≡ 0 (mod p)} shows up in the inversion instead.
     */
    static long ecmStage2(long xa, long za, long a24a, long xb, long zb, long a24b, long one, long r2, long n,
                          long nInv, Plan plan) {
        int points = plan.points();
        long[] space = ecmSpace(plan);
        // Layout: stage 1's points and stage 2's scratch below SCRATCH; the xs of curve a at
        // [SCRATCH, SCRATCH + points), of curve b after them; then all zs; then the running products
        // of the inversion.
        final int xs = SCRATCH;
        final int zs = xs + 2 * points;
        final int run = zs + 2 * points;
        stage2Points(space, xs, zs, points, xa, za, a24a, xb, zb, a24b, n, nInv, plan);
        long g = normalise(space, xs, zs, run, points, r2, n, nInv);
        if (g == 1) {
            return stage2Products(space, xs, points, one, n, nInv, plan.masks);
        }
        if (g != n) {
            return g;
        }
        // Every prime of n divides some z: the two curves may have found different primes. Try the
        // product of each curve's z alone (the end of its chain of running products).
        g = gcdOdd(fromMont(space[run + points - 1], n, nInv), n);
        if (g == 1 || g == n) {
            g = gcdOdd(fromMont(space[run + 2 * points - 1], n, nInv), n);
        }
        return g == 1 || g == n ? 0 : g;
    }

    /**
     * The babies and giants of stage 2 from {@code Q_a = (xa:za)} and {@code Q_b = (xb:zb)}, as
     * {@code (x:z)} at {@code space[xs + i]}, {@code space[zs + i]} for curve a and {@code points}
     * further on for curve b. The two curves' chains of additions run in lockstep, for the same
     * reason as {@link #ladderPair}: each chain alone keeps the multiplier half idle. Three methods
     * rather than one, each small enough for the JIT compiler to inline all its arithmetic (see
     * {@link #ladderPair}); they pass points through {@code space[4..SCRATCH)}.
     */
    private static void stage2Points(long[] space, int xs, int zs, int points, long xa, long za, long a24a,
                                     long xb, long zb, long a24b, long n, long nInv, Plan plan) {
        // [2]Q, [3]Q = [2]Q + Q, [5]Q = [3]Q + [2]Q, [6]Q = 2·[3]Q.
        long xa2 = dblX(xa, za, n, nInv);
        long za2 = dblZ(xa, za, a24a, n, nInv);
        long xb2 = dblX(xb, zb, n, nInv);
        long zb2 = dblZ(xb, zb, a24b, n, nInv);
        long xa3 = addX(xa2, za2, xa, za, za, n, nInv);
        long za3 = addZ(xa2, za2, xa, za, xa, n, nInv);
        long xb3 = addX(xb2, zb2, xb, zb, zb, n, nInv);
        long zb3 = addZ(xb2, zb2, xb, zb, xb, n, nInv);
        space[S_A2] = xa2;
        space[S_A2 + 1] = za2;
        space[S_B2] = xb2;
        space[S_B2 + 1] = zb2;
        space[S_A5] = addX(xa3, za3, xa2, za2, za, n, nInv);
        space[S_A5 + 1] = addZ(xa3, za3, xa2, za2, xa, n, nInv);
        space[S_B5] = addX(xb3, zb3, xb2, zb2, zb, n, nInv);
        space[S_B5 + 1] = addZ(xb3, zb3, xb2, zb2, xb, n, nInv);
        space[S_A6] = dblX(xa3, za3, n, nInv);
        space[S_A6 + 1] = dblZ(xa3, za3, a24a, n, nInv);
        space[S_B6] = dblX(xb3, zb3, n, nInv);
        space[S_B6 + 1] = dblZ(xb3, zb3, a24b, n, nInv);
        stage2Babies(space, xs, zs, points, xa, za, a24a, xb, zb, a24b, n, nInv);
        stage2Giants(space, xs + BABIES.length, zs + BABIES.length, points, a24a, a24b, n, nInv, plan);
    }

    /** Scratch slots of {@link #stage2Points}: (x, z) of [2]Q, [5]Q, [6]Q of both curves, then the giant steps. */
    private static final int S_A2 = 4;
    private static final int S_B2 = 6;
    private static final int S_A5 = 8;
    private static final int S_B5 = 10;
    private static final int S_A6 = 12;
    private static final int S_B6 = 14;
    private static final int S_STEP_A = 16;
    private static final int S_STEP_B = 18;
    /** Where stage 2's points begin in the work space. */
    private static final int SCRATCH = 20;

    /**
     * The babies by two chains of step 6, {@code b ≡ 1} and {@code b ≡ 5 (mod 6)}:
     * {@code [b + 6]Q = [b]Q + [6]Q} with difference {@code [b − 6]Q} (up to sign, which x-only
     * arithmetic does not see); then the giant step {@code [210]Q = 2·([103]Q + [2]Q)}.
     */
    private static void stage2Babies(long[] space, int xs, int zs, int points, long xa, long za, long a24a,
                                     long xb, long zb, long a24b, long n, long nInv) {
        long xa6 = space[S_A6];
        long za6 = space[S_A6 + 1];
        long xb6 = space[S_B6];
        long zb6 = space[S_B6 + 1];
        long xa101 = 0;
        long za101 = 0;
        long xa103 = 0;
        long za103 = 0;
        long xb101 = 0;
        long zb101 = 0;
        long xb103 = 0;
        long zb103 = 0;
        for (int chain = 1; chain <= 5; chain += 4) {
            long xaPrev = chain == 1 ? space[S_A5] : xa;
            long zaPrev = chain == 1 ? space[S_A5 + 1] : za;
            long xaCur = chain == 1 ? xa : space[S_A5];
            long zaCur = chain == 1 ? za : space[S_A5 + 1];
            long xbPrev = chain == 1 ? space[S_B5] : xb;
            long zbPrev = chain == 1 ? space[S_B5 + 1] : zb;
            long xbCur = chain == 1 ? xb : space[S_B5];
            long zbCur = chain == 1 ? zb : space[S_B5 + 1];
            for (int b = chain; b <= 103; b += 6) {
                int i = BABY_INDEX[b];
                if (i >= 0) {
                    space[xs + i] = xaCur;
                    space[zs + i] = zaCur;
                    space[xs + points + i] = xbCur;
                    space[zs + points + i] = zbCur;
                }
                if (b + 6 > 103) {
                    break;
                }
                long xaNext = addX(xaCur, zaCur, xa6, za6, zaPrev, n, nInv);
                long zaNext = addZ(xaCur, zaCur, xa6, za6, xaPrev, n, nInv);
                long xbNext = addX(xbCur, zbCur, xb6, zb6, zbPrev, n, nInv);
                long zbNext = addZ(xbCur, zbCur, xb6, zb6, xbPrev, n, nInv);
                xaPrev = xaCur;
                zaPrev = zaCur;
                xaCur = xaNext;
                zaCur = zaNext;
                xbPrev = xbCur;
                zbPrev = zbCur;
                xbCur = xbNext;
                zbCur = zbNext;
            }
            if (chain == 1) {
                xa103 = xaCur;
                za103 = zaCur;
                xb103 = xbCur;
                zb103 = zbCur;
            } else {
                xa101 = xaCur;
                za101 = zaCur;
                xb101 = xbCur;
                zb101 = zbCur;
            }
        }
        // [105]Q = [103]Q + [2]Q (difference [101]Q); the giant step [210]Q is its double.
        long xa2 = space[S_A2];
        long za2 = space[S_A2 + 1];
        long xb2 = space[S_B2];
        long zb2 = space[S_B2 + 1];
        long xa105 = addX(xa103, za103, xa2, za2, za101, n, nInv);
        long za105 = addZ(xa103, za103, xa2, za2, xa101, n, nInv);
        long xb105 = addX(xb103, zb103, xb2, zb2, zb101, n, nInv);
        long zb105 = addZ(xb103, zb103, xb2, zb2, xb101, n, nInv);
        space[S_STEP_A] = dblX(xa105, za105, n, nInv);
        space[S_STEP_A + 1] = dblZ(xa105, za105, a24a, n, nInv);
        space[S_STEP_B] = dblX(xb105, zb105, n, nInv);
        space[S_STEP_B + 1] = dblZ(xb105, zb105, a24b, n, nInv);
    }

    /**
     * The giants {@code G_k = [210k]Q} for {@code k} in the plan's range, at {@code space[xs + k − first]}:
     * {@code G_1} the step, {@code G_2} its double, then {@code G_(k+1) = G_k + G_1} (difference {@code G_(k−1)}).
     */
    private static void stage2Giants(long[] space, int xs, int zs, int points, long a24a, long a24b, long n,
                                     long nInv, Plan plan) {
        long stepXa = space[S_STEP_A];
        long stepZa = space[S_STEP_A + 1];
        long stepXb = space[S_STEP_B];
        long stepZb = space[S_STEP_B + 1];
        long gxaPrev = stepXa;
        long gzaPrev = stepZa;
        long gxa = stepXa;
        long gza = stepZa;
        long gxbPrev = stepXb;
        long gzbPrev = stepZb;
        long gxb = stepXb;
        long gzb = stepZb;
        for (int k = 1; k <= plan.giantLast; k++) {
            if (k >= plan.giantFirst) {
                int slot = k - plan.giantFirst;
                space[xs + slot] = gxa;
                space[zs + slot] = gza;
                space[xs + points + slot] = gxb;
                space[zs + points + slot] = gzb;
            }
            if (k == plan.giantLast) {
                break;
            }
            long nxa;
            long nza;
            long nxb;
            long nzb;
            if (k == 1) {
                nxa = dblX(gxa, gza, n, nInv);
                nza = dblZ(gxa, gza, a24a, n, nInv);
                nxb = dblX(gxb, gzb, n, nInv);
                nzb = dblZ(gxb, gzb, a24b, n, nInv);
            } else {
                nxa = addX(gxa, gza, stepXa, stepZa, gzaPrev, n, nInv);
                nza = addZ(gxa, gza, stepXa, stepZa, gxaPrev, n, nInv);
                nxb = addX(gxb, gzb, stepXb, stepZb, gzbPrev, n, nInv);
                nzb = addZ(gxb, gzb, stepXb, stepZb, gxbPrev, n, nInv);
            }
            gxaPrev = gxa;
            gzaPrev = gza;
            gxa = nxa;
            gza = nza;
            gxbPrev = gxb;
            gzbPrev = gzb;
            gxb = nxb;
            gzb = nzb;
        }
    }

    /**
     * Simultaneous inversion of the {@code 2·points} values {@code z_i = space[zs + i]}, then
     * {@code x_i ← x_i/z_i}: 1, or {@code gcd(Π z_i, n)} when the product is not invertible. Each
     * curve's values make a chain of running products of its own ({@code space[run + i]}; curve a's
     * whole product ends at {@code run + points − 1}), the two chains interleaved as in
     * {@link #ladderPair}; one inverse of both products serves both. (One chain through all the
     * values waited on each multiplication: 7.3% of the time on 2x32-bit semiprimes.)
     */
    private static long normalise(long[] space, int xs, int zs, int run, int points, long r2, long n, long nInv) {
        long pa = space[zs];
        long pb = space[zs + points];
        space[run] = pa;
        space[run + points] = pb;
        for (int i = 1; i < points; i++) {
            pa = mul(pa, space[zs + i], n, nInv);
            pb = mul(pb, space[zs + points + i], n, nInv);
            space[run + i] = pa;
            space[run + points + i] = pb;
        }
        long plain = fromMont(mul(pa, pb, n, nInv), n, nInv);
        long plainInv = inverseMod(plain, n);
        if (plainInv == 0) {
            return gcdOdd(plain, n);
        }
        long inv = mul(plainInv, r2, n, nInv); // 1/(pa·pb)
        long invA = mul(inv, pb, n, nInv);
        long invB = mul(inv, pa, n, nInv);
        for (int i = points - 1; i > 0; i--) {
            long zInvA = mul(invA, space[run + i - 1], n, nInv);
            long zInvB = mul(invB, space[run + points + i - 1], n, nInv);
            invA = mul(invA, space[zs + i], n, nInv);
            invB = mul(invB, space[zs + points + i], n, nInv);
            space[xs + i] = mul(space[xs + i], zInvA, n, nInv);
            space[xs + points + i] = mul(space[xs + points + i], zInvB, n, nInv);
        }
        space[xs] = mul(space[xs], invA, n, nInv);
        space[xs + points] = mul(space[xs + points], invB, n, nInv);
        return 1;
    }

    /**
     * Stage 2's products over the normalised points of two curves, curve a's at {@code space[xs..)}
     * and curve b's {@code points} further on: a nontrivial factor, or 0.
     */
    private static long stage2Products(long[] space, int xs, int points, long one, long n, long nInv, int[] masks) {
        int babies = BABIES.length;
        int xb = xs + points;
        // Two accumulators per curve, used in turn: four independent chains of multiplications.
        long accA = one;
        long accB = one;
        long accA2 = one;
        long accB2 = one;
        for (int j = 0; j < masks.length; j++) {
            long giantA = space[xs + babies + j];
            long giantB = space[xb + babies + j];
            for (int m = masks[j]; m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                long nextA = mul(accA2, sub(giantA, space[xs + i], n), n, nInv);
                long nextB = mul(accB2, sub(giantB, space[xb + i], n), n, nInv);
                accA2 = accA;
                accB2 = accB;
                accA = nextA;
                accB = nextB;
            }
        }
        accA = mul(accA, accA2, n, nInv);
        accB = mul(accB, accB2, n, nInv);
        long g = gcdOdd(fromMont(mul(accA, accB, n, nInv), n, nInv), n);
        if (g == n) { // each curve found a prime, or one found them all: take each alone
            g = gcdOdd(fromMont(accA, n, nInv), n);
            if (g == 1 || g == n) {
                g = gcdOdd(fromMont(accB, n, nInv), n);
            }
        }
        return g == 1 || g == n ? 0 : g;
    }

    // ------------------------------------------------------------------------------------------
    // Roots
    // ------------------------------------------------------------------------------------------

    /** ⌊√m⌋ for unsigned {@code m}. */
    static long isqrt(long m) {
        double dm = m >= 0 ? (double) m : (double) (m >>> 1) * 2.0;
        long r = Math.min((long) Math.sqrt(dm), 0xFFFF_FFFFL);
        while (Long.compareUnsigned(r * r, m) > 0) {
            r--;
        }
        while (r < 0xFFFF_FFFFL && Long.compareUnsigned((r + 1) * (r + 1), m) <= 0) {
            r++;
        }
        return r;
    }

    /** ⌊∛m⌋ for unsigned {@code m}; 2642245 is the largest cube root below 2^64. */
    static long icbrt(long m) {
        final long max = 2_642_245L;
        double dm = m >= 0 ? (double) m : (double) (m >>> 1) * 2.0;
        long c = Math.min((long) Math.cbrt(dm), max);
        while (c > 0 && Long.compareUnsigned(c * c * c, m) > 0) {
            c--;
        }
        while (c < max && Long.compareUnsigned((c + 1) * (c + 1) * (c + 1), m) <= 0) {
            c++;
        }
        return c;
    }
}
