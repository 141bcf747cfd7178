package org.factorlab.core.factor;

import org.factorlab.core.Factorization;
import org.factorlab.core.Factorizer;
import org.factorlab.core.Unsigned;
import org.factorlab.core.arith.Montgomery64;
import org.factorlab.core.parallel.UnitExecutor;
import org.factorlab.core.primality.MillerRabin64;
import org.factorlab.core.primality.Primality;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The fastest factoring method this project has for each size: the one to use for real work.
 *
 * <h2>Implementation overview</h2>
 *
 * <p><b>64-bit fast path</b> ({@link #factor(long, long[])}, allocation-free):
 * <ol>
 *   <li>Powers of 2 by counting trailing zeros.</li>
 *   <li>Trial division by the odd primes below {@value #TRIAL_LIMIT}, each test one multiplication:
 *       for odd {@code p}, {@code n} is divisible by {@code p} iff {@code n·p^-1 mod 2^64 ≤
 *       ⌊(2^64 − 1)/p⌋}, and then {@code n·p^-1} is the exact quotient (Granlund and Montgomery,
 *       "Division by invariant integers using multiplication", PLDI 1994, §9; Warren, <i>Hacker's
 *       Delight</i>, §10-17). It stops early once {@code p^2} exceeds the cofactor, which is then
 *       prime.</li>
 *   <li>The remaining cofactor, if composite, is split repeatedly: each piece is tested with
 *       {@link MillerRabin64} (a proof below 2^64); composites are checked for being a square or a
 *       cube and otherwise split by {@link Ecm64} (from 2^40 up) or {@link PollardBrent64} (below, and as
 *       the fallback). The pieces still to be examined live in a
 *       stack at the top end of {@code out} while primes fill it from the bottom: all of them are
 *       {@code ≥ 2} and their product is {@code n < 2^64}, so together they never exceed 63 entries
 *       and the two ends never meet.</li>
 *   <li>An insertion sort puts the (at most 64) factors in ascending order.</li>
 * </ol>
 *
 * <p><b>Beyond 2^64</b> ({@link #factor(BigInteger)}): trial division by the primes below
 * {@value #BIG_TRIAL_LIMIT} (one {@code BigInteger} remainder per group of primes whose product fits a
 * {@code long}); then a work list of cofactors, each handled by the first rule that applies: fits in
 * 64 bits → fast path; {@link Primality#isPrime BPSW} probable prime → a factor; a perfect power
 * {@code r^k} → {@code k} copies of {@code r}; otherwise split by {@link PollardBrent} with a bounded
 * number of steps (small factors) and then by {@link Ecm} (until found). Factors found are pushed back
 * on the list, so every factor returned is prime (above 2^64: a BPSW probable prime).
 *
 * <p><b>Cost.</b> 64-bit inputs: tens of microseconds on average, a few hundred at worst (two ≈32-bit
 * primes, about six ECM curves). Larger inputs: dominated by ECM, i.e. by the size of the
 * second-largest prime factor: 17-digit factors take about a second, 20-digit ones several.
 *
 * <p>Stateless and thread-safe; cancellable (the loops inside rho and ECM check the interrupt flag).
 */
public final class AutoFactorizer implements Factorizer {

    static final int TRIAL_LIMIT = 1024;
    static final int BIG_TRIAL_LIMIT = 1 << 16;
    static final long RHO_STEPS = 1 << 16;
    /** Composites from here up are split by {@link Ecm64}, smaller ones by {@link PollardBrent64}. */
    static final long ECM_THRESHOLD = 1L << 40;
    /** The rho walk tried before ECM: enough for factors up to about 2^20. */
    static final long SHORT_RHO_STEPS = 1 << 10;

    /** Odd primes below TRIAL_LIMIT, their inverses mod 2^64, and ⌊(2^64 − 1)/p⌋. */
    private static final long[] ODD_PRIMES;
    private static final long[] INVERSES;
    private static final long[] LIMITS;
    /** The square of the least prime not in ODD_PRIMES: a cofactor below it is prime. */
    private static final long TRIAL_SQUARE;

    /** Primes below BIG_TRIAL_LIMIT in groups whose product fits a long, and those products. */
    private static final int[][] BIG_GROUPS;
    private static final long[] BIG_PRODUCTS;

    static {
        int[] primes = PrimeSieve.primesUpTo(TRIAL_LIMIT + 64);
        int k = 0;
        while (primes[k] < TRIAL_LIMIT) {
            k++;
        }
        ODD_PRIMES = new long[k - 1];
        INVERSES = new long[k - 1];
        LIMITS = new long[k - 1];
        for (int i = 1; i < k; i++) {
            long p = primes[i];
            ODD_PRIMES[i - 1] = p;
            INVERSES[i - 1] = Montgomery64.inverse(p);
            LIMITS[i - 1] = Long.divideUnsigned(-1L, p);
        }
        TRIAL_SQUARE = (long) primes[k] * primes[k];

        int[] big = PrimeSieve.primesUpTo(BIG_TRIAL_LIMIT);
        List<int[]> groups = new ArrayList<>();
        List<Long> products = new ArrayList<>();
        int start = 1; // skip 2
        while (start < big.length) {
            long product = 1;
            int end = start;
            while (end < big.length && product <= Long.MAX_VALUE / big[end]) {
                product *= big[end];
                end++;
            }
            groups.add(Arrays.copyOfRange(big, start, end));
            products.add(product);
            start = end;
        }
        BIG_GROUPS = groups.toArray(new int[0][]);
        BIG_PRODUCTS = products.stream().mapToLong(Long::longValue).toArray();
    }

    private final UnitExecutor executor;
    private final ProgressListener progress;

    /** Factors each number on the calling thread, silently. */
    public AutoFactorizer() {
        this(UnitExecutor.SAME_THREAD, ProgressListener.NONE);
    }

    /**
     * Spreads the work on one big number (ECM curves, SIQS sieving) over {@code executor} and reports
     * the progress of long kernels to {@code progress}.
     */
    public AutoFactorizer(UnitExecutor executor, ProgressListener progress) {
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
        this.progress = java.util.Objects.requireNonNull(progress, "progress");
    }

    @Override
    public int factor(long n, long[] out) {
        return Factor64.factor(n, out);
    }

    /** Splits a cofactor with no prime factor below the trial bound; appends its prime factors. */
    private static int splitComposite(long n, long[] out, int count) {
        int top = out.length;
        out[--top] = n;
        while (top < out.length) {
            long m = out[top++];
            if (MillerRabin64.isPrime(m)) {
                out[count++] = m;
                continue;
            }
            long f = nontrivialFactor(m);
            out[--top] = f;
            out[--top] = Long.divideUnsigned(m, f);
        }
        return count;
    }

    /** A nontrivial factor of the odd composite {@code m} that has no prime factor below 1024. */
    private static long nontrivialFactor(long m) {
        long r = isqrt(m);
        if (r * r == m) {
            return r;
        }
        long c = icbrt(m);
        if (c * c * c == m) {
            return c;
        }
        if (Long.compareUnsigned(m, ECM_THRESHOLD) >= 0) {
            // Most 64-bit composites have a small second factor, which a short rho walk finds
            // faster than one ECM curve; only then is ECM worth its fixed cost.
            long f = PollardBrent64.factor(m, SHORT_RHO_STEPS);
            if (f != 0) {
                return f;
            }
            f = Ecm64.factor(m);
            if (f != 0) {
                return f;
            }
        }
        return PollardBrent64.factor(m);
    }

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

    private static void insertionSort(long[] a, int count) {
        for (int i = 1; i < count; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(a[j], x) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    @Override
    public Factorization factor(BigInteger n) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("negative number: " + n);
        }
        long[] out = new long[64];
        if (Unsigned.fits(n)) {
            int count = factor(n.longValue(), out);
            return Factorization.ofUnsigned(n.longValue(), out, count);
        }
        List<BigInteger> factors = new ArrayList<>();
        int twos = n.getLowestSetBit();
        for (int i = 0; i < twos; i++) {
            factors.add(BigInteger.TWO);
        }
        BigInteger m = trialDivide(n.shiftRight(twos), factors);

        Deque<BigInteger> work = new ArrayDeque<>();
        if (!m.equals(BigInteger.ONE)) {
            work.push(m);
        }
        while (!work.isEmpty()) {
            BigInteger c = work.pop();
            if (Unsigned.fits(c)) {
                int count = factor(c.longValue(), out);
                for (int i = 0; i < count; i++) {
                    factors.add(Unsigned.toBigInteger(out[i]));
                }
            } else if (Primality.isPrime(c)) {
                factors.add(c);
            } else {
                splitBig(c, work);
            }
        }
        Collections.sort(factors);
        return new Factorization(n, factors);
    }

    /** Pushes a split of the odd composite {@code c} (no factor below BIG_TRIAL_LIMIT) onto the work list. */
    private static void splitBig(BigInteger c, Deque<BigInteger> work) {
        for (int k = 2; k <= c.bitLength() / 16; k = nextPrime(k)) {
            BigInteger r = iroot(c, k);
            if (r.pow(k).equals(c)) {
                for (int i = 0; i < k; i++) {
                    work.push(r);
                }
                return;
            }
        }
        BigInteger f = PollardBrent.factor(c, RHO_STEPS);
        if (f == null) {
            f = Ecm.factor(c);
        }
        work.push(f);
        work.push(c.divide(f));
    }

    private static int nextPrime(int k) {
        int j = k + 1;
        while (!BigInteger.valueOf(j).isProbablePrime(20)) {
            j++;
        }
        return j;
    }

    /**
     * ⌊a^(1/k)⌋ by Newton's method from above: {@code x ← ((k − 1)x + ⌊a/x^(k−1)⌋)/k} decreases
     * strictly while {@code x} exceeds the root and stops at it (Crandall &amp; Pomerance, §9.2.2).
     */
    static BigInteger iroot(BigInteger a, int k) {
        if (k == 2) {
            return a.sqrt();
        }
        BigInteger bk = BigInteger.valueOf(k);
        BigInteger bk1 = BigInteger.valueOf(k - 1L);
        BigInteger x = BigInteger.ONE.shiftLeft((a.bitLength() + k - 1) / k);
        while (true) {
            BigInteger y = x.multiply(bk1).add(a.divide(x.pow(k - 1))).divide(bk);
            if (y.compareTo(x) >= 0) {
                return x;
            }
            x = y;
        }
    }

    /** Divides out the odd primes below BIG_TRIAL_LIMIT from odd {@code m}, appending them. */
    private static BigInteger trialDivide(BigInteger m, List<BigInteger> factors) {
        for (int g = 0; g < BIG_GROUPS.length && !Unsigned.fits(m); g++) {
            long r = m.mod(BigInteger.valueOf(BIG_PRODUCTS[g])).longValue();
            for (int p : BIG_GROUPS[g]) {
                if (r % p != 0) {
                    continue;
                }
                BigInteger bp = BigInteger.valueOf(p);
                BigInteger[] qr = m.divideAndRemainder(bp);
                while (qr[1].signum() == 0) {
                    factors.add(bp);
                    m = qr[0];
                    qr = m.divideAndRemainder(bp);
                }
            }
        }
        return m;
    }
}
