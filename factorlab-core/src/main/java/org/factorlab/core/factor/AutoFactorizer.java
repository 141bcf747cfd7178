package org.factorlab.core.factor;

import org.factorlab.core.Factorization;
import org.factorlab.core.Factorizer;
import org.factorlab.core.Unsigned;
import org.factorlab.core.arith.Montgomery128;
import org.factorlab.core.factor.siqs.Siqs;
import org.factorlab.core.parallel.UnitExecutor;
import org.factorlab.core.primality.Primality;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The fastest factoring method this project has for each size: the one to use for real work.
 *
 * <h2>How a number is factored</h2>
 *
 * <p><b>Below 2^64</b> ({@link #factor(long, long[])}): {@link Factor64}, allocation-free — trial
 * division by multiplicative inverses, BPSW, Hart's one-line method, Pollard–Brent rho and a small ECM.
 *
 * <p><b>Beyond 2^64</b> ({@link #factor(BigInteger)}): trial division by the primes below
 * {@value #BIG_TRIAL_LIMIT} (one remainder per group of primes whose product fits 32 bits, taken
 * limb by limb in {@code long} arithmetic); then a work list of cofactors, each handled by the first rule that applies:
 * <ol>
 *   <li>below 2^64 → {@link Factor64};</li>
 *   <li>at most {@value #F128_MAX_BITS} bits → {@link Factor128} (two-{@code long} Montgomery
 *       arithmetic, rho and ECM), which is much faster there than anything on {@code BigInteger};</li>
 *   <li>a BPSW probable prime → a factor;</li>
 *   <li>a perfect power {@code r^k} → {@code k} copies of {@code r};</li>
 *   <li>otherwise split: a short Pollard–Brent walk (factors up to ~10 digits); then, up to
 *       {@value #SIQS_MAX_DIGITS} digits, a bounded ECM pre-pass for small factors
 *       ({@link #ecmPrepassDigits}, {@link #ecmPrepassCurves}) followed by the self-initialising quadratic sieve
 *       ({@link org.factorlab.core.factor.siqs.Siqs}), whose time depends only on the size of the
 *       number; above that, or if the sieve declines, ECM until it succeeds.</li>
 * </ol>
 * Pieces go back on the list, so every factor returned is prime (above 2^64: a BPSW probable prime).
 *
 * <p><b>All cores on one number.</b> ECM curves and SIQS polynomials are {@link
 * org.factorlab.core.parallel.WorkUnit}s run on the {@link UnitExecutor} given at construction; the
 * default runs them on the calling thread. Long kernels report to the {@link ProgressListener}.
 *
 * <p><b>Seeing the work.</b> {@link #factor(BigInteger, Consumer)} reports, for each prime factor,
 * the method that found it and how long that took ({@code factor -v}).
 *
 * <p>Thread-safe (no mutable state); cancellable (every long loop checks the interrupt flag).
 */
public final class AutoFactorizer implements Factorizer {

    static final int BIG_TRIAL_LIMIT = 1 << 16;
    /** The rho walk tried on big composites before ECM or SIQS: factors up to ~10 digits. */
    static final long RHO_STEPS = 1 << 14;
    /**
     * The shorter walk for 128-bit composites, too big for the two-{@code long} arithmetic: there the
     * walk runs on {@code BigInteger}-sized limbs at ~0.7 µs a step (16,384 steps cost ~11 ms, a
     * quarter of the sieve's ~43 ms) and its compilation took ~0.7 s of C2 time in a run of 100
     * numbers. 2,048 steps still take factors up to ~2^21 cheaply; the sieve gets the rest.
     */
    static final long RHO_STEPS_128 = 1 << 11;
    /** Composites up to this many bits go to {@link Factor128}. */
    static final int F128_MAX_BITS = 100;
    /**
     * Ecm128 levels tried on 101..127-bit composites before SIQS: factors up to about 40 bits. The
     * first three levels cost about 8 ms, the fourth 13 ms and the fifth about 50 ms more (CPU time),
     * while SIQS takes well under 100 ms there; by Mertens a factor of 40–50 bits is present with
     * probability only about ln(50/40) ≈ 0.2, so the later levels cost balanced semiprimes more than
     * they save on average.
     */
    static final int ECM128_LEVELS_BEFORE_SIQS = 3;
    /** Composites up to this many digits go to SIQS (after the ECM pre-pass); larger ones to ECM. */
    static final int SIQS_MAX_DIGITS = 95;

    /**
     * Primes below BIG_TRIAL_LIMIT in groups whose product fits 32 bits, and those products: a remainder
     * then takes one unsigned 64-by-32-bit division per 32-bit limb of the number. (With products
     * filling a {@code long}, one {@code BigInteger} remainder per group cost ~0.65 ms per 128-bit
     * number once compiled and 1-2 ms before, on the path of every number SIQS gets.)
     */
    private static final int[][] BIG_GROUPS;
    private static final long[] BIG_PRODUCTS;

    static {
        int[] big = PrimeSieve.primesUpTo(BIG_TRIAL_LIMIT);
        List<int[]> groups = new ArrayList<>();
        List<Long> products = new ArrayList<>();
        int start = 1; // skip 2
        while (start < big.length) {
            long product = 1;
            int end = start;
            while (end < big.length && product <= 0xFFFF_FFFFL / big[end]) {
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
        this.executor = Objects.requireNonNull(executor, "executor");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    public int factor(long n, long[] out) {
        return Factor64.factor(n, out);
    }

    @Override
    public Factorization factor(BigInteger n) {
        return factor(n, null);
    }

    /**
     * Factors {@code n} and, when {@code trace} is not {@code null}, reports for every prime factor
     * (in the order found) which method found it and how long that step took.
     */
    public Factorization factor(BigInteger n, Consumer<FactorStep> trace) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("negative number: " + n);
        }
        if (trace == null && Unsigned.fits(n)) {
            long[] out = new long[64];
            int count = Factor64.factor(n.longValue(), out);
            return Factorization.ofUnsigned(n.longValue(), out, count);
        }
        if (trace == null && n.bitLength() <= F128_MAX_BITS) {
            return new Factorization(n, Factor128.factor(n)); // its own trial division is faster
        }
        List<BigInteger> factors = new ArrayList<>();
        Tracer tracer = new Tracer(trace);
        long t0 = System.nanoTime();
        int twos = n.getLowestSetBit();
        BigInteger m = n;
        if (n.signum() > 0) {
            for (int i = 0; i < twos; i++) {
                factors.add(BigInteger.TWO);
            }
            m = trialDivide(n.shiftRight(twos), factors, trace != null);
        }
        tracer.found(factors, "trial division", System.nanoTime() - t0);

        Deque<Piece> work = new ArrayDeque<>();
        if (m.compareTo(BigInteger.ONE) > 0) {
            work.push(new Piece(m, factors.isEmpty() ? "primality test" : "trial division", System.nanoTime() - t0));
        }
        try {
            while (!work.isEmpty()) {
                Piece piece = work.pop();
                BigInteger c = piece.value;
                if (Unsigned.fits(c) && trace == null) {
                    long[] out = new long[64];
                    int count = Factor64.factor(c.longValue(), out);
                    for (int i = 0; i < count; i++) {
                        factors.add(Unsigned.toBigInteger(out[i]));
                    }
                } else if (c.bitLength() <= F128_MAX_BITS && trace == null) {
                    factors.addAll(Factor128.factor(c));
                } else if (Unsigned.fits(c) ? Factor64.isPrime(c.longValue()) : Primality.isPrime(c)) {
                    factors.add(c);
                    tracer.found(c, piece.method, piece.nanos);
                } else {
                    long s0 = System.nanoTime();
                    String[] method = new String[1];
                    BigInteger[] parts = split(c, method);
                    long nanos = System.nanoTime() - s0;
                    for (BigInteger part : parts) {
                        work.push(new Piece(part, method[0], nanos));
                    }
                }
            }
        } finally {
            progress.finished();
        }
        Collections.sort(factors);
        return new Factorization(n, factors);
    }

    /** A cofactor still to be examined, with the step that produced it. */
    private record Piece(BigInteger value, String method, long nanos) {
    }

    /** Passes steps to the trace consumer, if any. */
    private record Tracer(Consumer<FactorStep> trace) {
        void found(BigInteger prime, String method, long nanos) {
            if (trace != null) {
                trace.accept(new FactorStep(prime, method, nanos));
            }
        }

        void found(List<BigInteger> primes, String method, long nanos) {
            for (BigInteger p : primes) {
                found(p, method, nanos);
            }
        }
    }

    /**
     * Splits the odd composite {@code c} (no prime factor below {@value #BIG_TRIAL_LIMIT}) into pieces
     * whose product is {@code c} — two, or {@code k} copies of a root — and names the method.
     */
    private BigInteger[] split(BigInteger c, String[] method) {
        for (int k = 2; k <= c.bitLength() / 16; k = nextPrime(k)) {
            BigInteger r = iroot(c, k);
            if (r.pow(k).equals(c)) {
                BigInteger[] copies = new BigInteger[k];
                Arrays.fill(copies, r);
                method[0] = "perfect power";
                return copies;
            }
        }
        BigInteger f = null;
        if (Unsigned.fits(c)) {
            method[0] = method64(c.longValue());
            f = Unsigned.toBigInteger(Factor64.split(c.longValue()));
        } else if (c.bitLength() <= F128_MAX_BITS) {
            method[0] = "128-bit rho/ecm";
            f = Factor128.split(c);
        } else if (Factor128.fits(c)) {
            // Factors up to ~40 bits cost ECM on two longs a few ms; beyond that the sieve wins.
            method[0] = "128-bit rho/ecm";
            Montgomery128 m = Montgomery128.of(c);
            if (PollardBrent128.factor(m, RHO_STEPS)) {
                f = Montgomery128.toBigInteger(m.hi, m.lo);
            } else {
                Montgomery128 e = Montgomery128.of(c);
                if (Ecm128.factor(e, ECM128_LEVELS_BEFORE_SIQS)) {
                    f = Montgomery128.toBigInteger(e.hi, e.lo);
                }
            }
        }
        if (f == null && !Factor128.fits(c)) { // below 2^127 the same walk has just run on two longs
            method[0] = "rho";
            f = PollardBrent.factor(c, c.bitLength() <= 128 ? RHO_STEPS_128 : RHO_STEPS);
        }
        int digits = digits(c);
        if (f == null && digits <= SIQS_MAX_DIGITS) {
            int prepass = ecmPrepassDigits(digits);
            if (prepass > 0) {
                method[0] = "ecm";
                f = Ecm.factor(c, executor, progress, prepass, ecmPrepassCurves(digits));
            }
            if (f == null) {
                method[0] = "siqs";
                f = Siqs.factor(c, executor, progress);
            }
        }
        if (f == null) {
            method[0] = "ecm";
            f = Ecm.factor(c, executor, progress);
        }
        return new BigInteger[] {f, c.divide(f)};
    }

    /** The methods {@link Factor64#split} tries on a composite of this size, in its order. */
    private static String method64(long m) {
        if (Long.compareUnsigned(m, 1L << Factor64.HART_BITS) < 0) {
            return "rho, then Hart";
        }
        return Long.compareUnsigned(m, 1L << Factor64.RHO_BITS) < 0 ? "rho" : "rho, then 64-bit ecm";
    }

    /**
     * How far the ECM pre-pass looks (factor digits) before SIQS takes a composite of {@code digits}
     * digits: worth it only where it costs little next to the sieve — nothing below 45 digits (the
     * sieve takes well under a second there and rho has taken the small factors), the first level
     * (15-digit factors, 25 curves at B1 = 2000) from 45 digits, up to 20-digit factors from 80.
     */
    static int ecmPrepassDigits(int digits) {
        if (digits < 45) {
            return 0;
        }
        return digits < 80 ? 15 : 20;
    }

    /**
     * How many curves of the pre-pass run before SIQS on a composite of {@code digits ≥ 45} digits:
     * 15 at 45 digits, one more per digit, the whole first level (25) from 55 digits on, and the whole
     * schedule up to {@link #ecmPrepassDigits} from 80. Chosen by expected value on random input
     * ({@code EcmPrepassYield}, docs/benchmarks.md): a curve is worth running while the chance that
     * it is the first to split the composite, given that the curves before it did not, times the
     * sieve time it then saves exceeds its cost (~6 ms at B1 = 2,000 on three limbs). Of 480 pieces
     * of 43-45 digits that trial division and rho left of random 45-digit numbers, curves 10-15 split
     * 2.1% each of those still whole, curves 15-20 0.95%, against a break-even of ~2% (sieve ~0.3 s);
     * at 48-50 digits (521 pieces) curves 15-20 split 0.8% each, 20-25 1.0%, 25-30 0.6%, against
     * ~0.7-0.9% (sieve ~0.7-1 s). A balanced semiprime gains nothing from any curve, so fewer curves
     * where they do not pay also spare the case the pre-pass cannot help.
     */
    static int ecmPrepassCurves(int digits) {
        return digits >= 80 ? Integer.MAX_VALUE : Math.min(25, 15 + Math.max(0, digits - 45));
    }

    /** The number of decimal digits of {@code c > 0}. */
    static int digits(BigInteger c) {
        int estimate = (int) Math.floor((c.bitLength() - 1) * 0.30102999566398120) + 1;
        return c.compareTo(BigInteger.TEN.pow(estimate)) >= 0 ? estimate + 1 : estimate;
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

    /** ⌊√m⌋ for unsigned {@code m}. */
    static long isqrt(long m) {
        return Factor64.isqrt(m);
    }

    /** ⌊∛m⌋ for unsigned {@code m}. */
    static long icbrt(long m) {
        return Factor64.icbrt(m);
    }

    /**
     * Divides out the odd primes below BIG_TRIAL_LIMIT from odd {@code m}, appending them; stops once
     * the cofactor fits 64 bits (the 64-bit path is faster from there) unless {@code all} is set.
     */
    static BigInteger trialDivide(BigInteger m, List<BigInteger> factors, boolean all) {
        int[] limbs = limbs32(m);
        for (int g = 0; g < BIG_GROUPS.length && (all ? m.compareTo(BigInteger.ONE) > 0 : !Unsigned.fits(m)); g++) {
            long d = BIG_PRODUCTS[g];
            long r = 0;
            for (int limb : limbs) {
                r = Long.remainderUnsigned((r << 32) | (limb & 0xFFFF_FFFFL), d); // r < d < 2^32: no overflow
            }
            boolean divided = false;
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
                divided = true;
            }
            if (divided) {
                limbs = limbs32(m);
            }
        }
        return m;
    }

    /** The 32-bit limbs of {@code m ≥ 0}, most significant first. */
    private static int[] limbs32(BigInteger m) {
        int[] limbs = new int[Math.max(1, (m.bitLength() + 31) >>> 5)];
        for (int i = 0; i < limbs.length; i++) {
            limbs[limbs.length - 1 - i] = m.shiftRight(32 * i).intValue();
        }
        return limbs;
    }
}
