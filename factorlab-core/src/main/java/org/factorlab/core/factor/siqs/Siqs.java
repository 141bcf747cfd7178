package org.factorlab.core.factor.siqs;

import org.factorlab.core.arith.MontgomeryLimbs;
import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.parallel.UnitExecutor;
import org.factorlab.core.primality.Primality;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The self-initialising quadratic sieve (SIQS): factors a composite of about 20 to 110 digits with no
 * small prime factor, in time {@code L(N)^(1 + o(1))}, {@code L(N) = exp(√(ln N ln ln N))}, whatever
 * the size of its factors — the method for balanced semiprimes of 25 to ~75 digits.
 *
 * <h2>Algorithm</h2>
 *
 * <p>Find many {@code y} with {@code y^2 mod kN} smooth over a factor base; combine them over GF(2)
 * into a product that is a square on both sides, {@code X^2 ≡ Z^2 (mod N)}; then {@code gcd(X − Z, N)}
 * splits N with probability ≥ 1/2 per dependency (Crandall &amp; Pomerance, <i>Prime Numbers</i>,
 * §6.1–6.2; S. Contini, "Factoring integers with the self-initializing quadratic sieve", 1997).
 *
 * <ol>
 *   <li><b>Multiplier.</b> The Knuth–Schroeppel function picks a small squarefree {@code k} that
 *       makes many small primes residues of {@code kN}.</li>
 *   <li><b>Sieving</b> ({@link PolynomialSieve}) in {@link SieveUnit}s, each a pure function of a
 *       range of A-coefficient indices, run by the caller's {@link UnitExecutor}. A full relation has
 *       a factor-base-smooth value; a partial one leaves one large prime {@code L} or two
 *       ({@code L1·L2}, the cofactor split by {@link org.factorlab.core.factor.Factor64}; common only
 *       from 50 digits, where the threshold admits such cofactors).</li>
 *   <li><b>Collecting</b> on the calling thread: results are committed in unit order (so the set of
 *       relations, and hence the factor, depends only on {@code N}), relations are deduplicated by
 *       {@code y}, and the partials are edges of a {@link LargePrimeGraph} whose every independent
 *       cycle is worth a full relation (two partials with the same {@code L} are the simplest). Stops
 *       at factor-base size + {@value #EXCESS} rows.</li>
 *   <li><b>Linear algebra</b> through a {@link Gf2Solver} (by default {@link Gf2Solvers#defaultSolver()}:
 *       filter, then dense Gauss or block Lanczos; a dependency is a set of row indices).</li>
 *   <li><b>Square root</b>: for each dependency, {@code X = ∏ y}, {@code Z = ∏ p^{e/2} · ∏ L^{e/2}}; the
 *       first nontrivial {@code gcd(X − Z, N)} is returned. If none splits, more relations are
 *       gathered.</li>
 * </ol>
 *
 * <p><b>Work split.</b> Sieving is the only expensive step and is done by {@link SieveUnit}s, each
 * sieving all {@code 2^(s−1)} polynomials of a few A-coefficients (≈ 8–128 polynomials); their
 * results are small (a few KB of relations). Units still in flight when enough relations are in are
 * cancelled by the executor. Collection, linear algebra and square root run on the calling thread.
 *
 * <p><b>Limits.</b> At most two large primes (no triple large prime variation); the default matrix
 * step filters the matrix and runs block Lanczos (dense Gauss when small); at 60 digits it took about as
 * long as the older {@link GaussGf2Solver} (0.75 s) and scales better above. Parameters
 * ({@link SiqsParameters#forDigits}) were tuned only coarsely.
 *
 * <p>Thread-safe: every call has its own state; only the factor base is cached per JVM. Memory is
 * dominated by the stored partial relations (tens of MB at 70 digits; a 70-digit run fits -Xmx512m).
 */
public final class Siqs {

    /**
     * Rows beyond the number of columns before the linear algebra is tried: at least that many
     * dependencies, each splitting N with probability about 1/2, so 24 fail together with probability
     * 2^-24 (and then more relations are gathered). Raced against 64: 39 digits 65 -> 58 ms,
     * 45 digits 337 -> 310 ms, 50 digits 1458 -> 1365 ms (fewer relations to sieve, smaller matrix).
     */
    private static final int EXCESS = 24;
    private static final long PROGRESS_NANOS = 300_000_000L;

    /** Statistics of the last run on any thread (diagnostics only). */
    static volatile String lastStats = "";

    private static volatile Gf2Solver solver = Gf2Solvers.defaultSolver();

    private Siqs() {
    }

    /** Replaces the matrix step for all later runs in this JVM (e.g. with block Lanczos). */
    public static void setSolver(Gf2Solver s) {
        solver = s;
    }

    /** {@link #factor(BigInteger, UnitExecutor, ProgressListener)} on the calling thread, silently. */
    public static BigInteger factor(BigInteger n) {
        return factor(n, UnitExecutor.SAME_THREAD, ProgressListener.NONE);
    }

    /**
     * A nontrivial factor of odd composite n (not a perfect power, no prime factor below 2^16), or
     * null only if n is out of range (&lt; 20 or &gt; 110 digits) — or, as a guard against misuse, prime.
     * Deterministic for a given n (seeded; relations are committed in unit order whatever the executor).
     *
     * @throws java.util.concurrent.CancellationException if the thread is interrupted
     */
    public static BigInteger factor(BigInteger n, UnitExecutor executor, ProgressListener progress) {
        int digits = n.toString().length();
        if (n.signum() <= 0 || digits < 20 || digits > 110) {
            return null;
        }
        if (!n.testBit(0)) {
            return BigInteger.TWO;
        }
        // contract violations that would otherwise sieve forever: a square, a prime
        BigInteger root = n.sqrt();
        if (root.multiply(root).equals(n)) {
            return root;
        }
        if (Primality.isPrime(n)) {
            return null;
        }
        return factor(n, SiqsParameters.forDigits(digits), executor, progress);
    }

    /** The same with explicit parameters (tuning and tests); {@code aPerUnit} is chosen here. */
    static BigInteger factor(BigInteger n, SiqsParameters params, UnitExecutor executor, ProgressListener progress) {
        int digits = n.toString().length();
        int k = multiplier(n);
        FactorBase fb = FactorBase.get(n, k, params);
        if (fb.divisorOfN != null) {
            return fb.divisorOfN;
        }
        PolynomialSieve probe = new PolynomialSieve(fb, params);
        int polysPerA = probe.polynomialsPerA();
        // units of roughly a few hundredths of the whole job
        int targetPolys = digits < 35 ? 8 : digits < 45 ? 32 : digits < 55 ? 64 : 128;
        params = params.withAPerUnit(Math.max(1, targetPolys / polysPerA));
        Run run = new Run(n, k, params, fb, executor, progress);
        BigInteger f = run.run();
        lastStats = run.stats();
        return f;
    }

    /** The multipliers {@link #multiplier} chooses from. */
    private static final int[] MULTIPLIERS = {1, 3, 5, 7, 11, 13, 15, 17, 19, 21, 23, 29, 31, 33, 35, 37, 39, 41, 43,
            47, 51, 53, 55, 57, 59, 61, 65, 67, 69, 71, 73};
    /** The primes whose contributions {@link #multiplier} weighs (index 0 is 2, not used). */
    private static final int[] KS_PRIMES = FactorBase.primesUpTo(2000);
    /** {@code (k/p)} for every multiplier k (row) and prime p (column): 0 where p divides k. */
    private static final byte[][] KS_SYMBOLS = new byte[MULTIPLIERS.length][KS_PRIMES.length];
    /** A prime's expected contribution when it divides kN, and when kN is a residue modulo it. */
    private static final double[] KS_DIVIDES = new double[KS_PRIMES.length];
    private static final double[] KS_RESIDUE = new double[KS_PRIMES.length];

    static {
        for (int i = 1; i < KS_PRIMES.length; i++) {
            int p = KS_PRIMES[i];
            double weight = Math.log(p);
            KS_DIVIDES[i] = weight / p;
            KS_RESIDUE[i] = 2 * weight / (p - 1);
            for (int c = 0; c < MULTIPLIERS.length; c++) {
                KS_SYMBOLS[c][i] = (byte) FactorBase.jacobi(MULTIPLIERS[c] % p, p);
            }
        }
    }

    /**
     * The Knuth–Schroeppel multiplier: maximises the expected log contribution of small primes. Uses
     * {@code (kN/p) = (k/p)(N/p)}: one remainder and one Jacobi symbol of N per prime, the symbols of
     * the multipliers from a table made once (this runs once per number, so at 40 digits its cost
     * counts: with both symbols computed per multiplier it took ~3% of a 128-bit SIQS run).
     */
    static int multiplier(BigInteger n) {
        int[] primes = KS_PRIMES;
        int[] limbs = FactorBase.limbs(n);
        byte[] nSymbol = new byte[primes.length];
        for (int i = 1; i < primes.length; i++) {
            nSymbol[i] = (byte) FactorBase.jacobi(FactorBase.mod(limbs, primes[i]), primes[i]);
        }
        int n8 = n.intValue() & 7;
        double ln2 = Math.log(2);
        int best = 1;
        double bestScore = -1e9;
        for (int c = 0; c < MULTIPLIERS.length; c++) {
            int k = MULTIPLIERS[c];
            byte[] kSymbol = KS_SYMBOLS[c];
            int mod8 = (n8 * k) & 7;
            double score = -0.5 * Math.log(k);
            score += mod8 == 1 ? 2 * ln2 : mod8 == 5 ? ln2 : 0.5 * ln2;
            for (int i = 1; i < primes.length; i++) {
                int ks = kSymbol[i];
                int ns = nSymbol[i];
                if (ks == 0 || ns == 0) {
                    score += KS_DIVIDES[i];
                } else if (ks == ns) {
                    score += KS_RESIDUE[i];
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** The state of one factoring job, on the calling thread. */
    private static final class Run {
        private final BigInteger n;
        private final int k;
        private final SiqsParameters params;
        private final FactorBase fb;
        private final UnitExecutor executor;
        private final ProgressListener progress;

        private final Set<BigInteger> seen = new HashSet<>();
        /** Full relations, one per row. */
        private final List<Relation[]> rows = new ArrayList<>();
        /** The graph of the partial relations: see {@link LargePrimeGraph}. */
        private final LargePrimeGraph graph = new LargePrimeGraph();
        private final TreeMap<Long, SieveResult> pending = new TreeMap<>();
        private long nextCommit;
        private long fulls;
        private long partials;
        private long doublePartials;
        private long polynomials;
        private long startNanos;
        private long lastReport;
        private long solveNanos;

        Run(BigInteger n, int k, SiqsParameters params, FactorBase fb, UnitExecutor executor,
            ProgressListener progress) {
            this.n = n;
            this.k = k;
            this.params = params;
            this.fb = fb;
            this.executor = executor;
            this.progress = progress;
        }

        BigInteger run() {
            startNanos = System.nanoTime();
            lastReport = startNanos;
            int columns = fb.size + 1;
            int target = columns + EXCESS;
            while (true) {
                int want = target;
                long[] issue = {nextCommit};
                Iterator<SieveUnit> units = new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return true;
                    }

                    @Override
                    public SieveUnit next() {
                        while (pending.containsKey(issue[0])) {
                            issue[0] += params.aPerUnit();
                        }
                        SieveUnit u = new SieveUnit(n, k, params, issue[0], params.aPerUnit());
                        issue[0] += params.aPerUnit();
                        return u;
                    }
                };
                executor.execute(units, result -> {
                    accept(result, want);
                    return relationCount() < want;
                });
                progress.progress("siqs", "linear algebra on " + relationCount() + " relations", 1.0);
                long s0 = System.nanoTime();
                BigInteger f = solve(columns);
                solveNanos += System.nanoTime() - s0;
                if (f != null) {
                    return f.min(n.divide(f));
                }
                target = relationCount() + 32 + relationCount() / 20;
            }
        }

        private void accept(SieveResult result, int want) {
            if (result.firstA() < nextCommit) {
                return;
            }
            pending.put(result.firstA(), result);
            while (!pending.isEmpty() && pending.firstKey() == nextCommit && relationCount() < want) {
                SieveResult r = pending.pollFirstEntry().getValue();
                commit(r);
                nextCommit += params.aPerUnit();
            }
            long now = System.nanoTime();
            if (now - lastReport > PROGRESS_NANOS) {
                lastReport = now;
                double frac = Math.min(1.0, relationCount() / (double) want);
                double elapsed = (now - startNanos) / 1e9;
                double left = frac > 0 ? elapsed * (1 - frac) / frac : Double.NaN;
                progress.progress("siqs", String.format("relations %d of %d, %.1f s left", relationCount(), want, left),
                        frac);
            }
        }

        private void commit(SieveResult result) {
            polynomials += result.polynomials();
            for (Relation rel : result.relations()) {
                if (!seen.add(rel.y())) {
                    continue;
                }
                if (rel.isFull()) {
                    fulls++;
                    rows.add(new Relation[] {rel});
                } else {
                    partials++;
                    if (rel.secondLargePrime() != 1) {
                        doublePartials++;
                    }
                    graph.add(rel);
                }
            }
        }

        /** Rows available: the full relations and one per independent cycle of the partials' graph. */
        private int relationCount() {
            return rows.size() + graph.cycles();
        }

        String stats() {
            return String.format("k=%d fb=%d polys=%d fulls=%d partials=%d (double %d) cycles=%d solve=%.3fs", k,
                    fb.size, polynomials, fulls, partials, doublePartials, graph.cycles(), solveNanos / 1e9);
        }

        private BigInteger solve(int columns) {
            List<Relation[]> all = new ArrayList<>(rows);
            all.addAll(graph.cycleRows());
            int[][] matrix = new int[all.size()][];
            int[] parity = new int[columns];
            int[] touched = new int[64];
            for (int i = 0; i < matrix.length; i++) {
                int t = 0;
                for (Relation rel : all.get(i)) {
                    for (int c : rel.columns()) {
                        if (parity[c]++ == 0) {
                            if (t == touched.length) {
                                touched = Arrays.copyOf(touched, 2 * t);
                            }
                            touched[t++] = c;
                        }
                    }
                }
                int odd = 0;
                for (int j = 0; j < t; j++) {
                    if ((parity[touched[j]] & 1) != 0) {
                        odd++;
                    }
                }
                int[] row = new int[odd];
                int o = 0;
                for (int j = 0; j < t; j++) {
                    if ((parity[touched[j]] & 1) != 0) {
                        row[o++] = touched[j];
                    }
                    parity[touched[j]] = 0;
                }
                Arrays.sort(row);
                matrix[i] = row;
            }
            List<int[]> deps = solver.dependencies(matrix, columns, 64);
            for (int[] dep : deps) {
                BigInteger f = squareRoot(all, dep);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }

        private BigInteger squareRoot(List<Relation[]> all, int[] dep) {
            int[] exps = new int[fb.size + 1];
            // x = the product of the y's mod n: their absolute values (below n: |y| is below
            // sqrt(2kN)·(1 + small)) and the parity of the negative ones
            SmallProduct x = new SmallProduct(n);
            boolean negative = false;
            // every large prime occurs an even number of times in a dependency (each row is a cycle)
            Map<Long, Integer> large = new HashMap<>();
            for (int i : dep) {
                for (Relation rel : all.get(i)) {
                    BigInteger y = rel.y();
                    negative ^= y.signum() < 0;
                    y = y.abs();
                    x.multiply(y.compareTo(n) < 0 ? y : y.mod(n));
                    for (int c : rel.columns()) {
                        exps[c]++;
                    }
                    if (rel.largePrime() != 1) {
                        large.merge(rel.largePrime(), 1, Integer::sum);
                    }
                    if (rel.secondLargePrime() != 1) {
                        large.merge(rel.secondLargePrime(), 1, Integer::sum);
                    }
                }
            }
            // z = the product of the primes to half their exponents, mod n. The factors are gathered in
            // a long while it does not overflow, so the product is reduced mod n once per ~62 bits of
            // it instead of one modPow per prime (which, besides its cost, had C2 compile BigInteger's
            // windowed exponentiation in every run).
            SmallProduct z = new SmallProduct(n);
            for (Map.Entry<Long, Integer> e : large.entrySet()) {
                if ((e.getValue() & 1) != 0) {
                    throw new IllegalStateException("dependency has large prime " + e.getKey() + " to an odd power");
                }
                z.multiply(e.getKey(), e.getValue() / 2);
            }
            for (int c = 0; c < exps.length; c++) {
                if ((exps[c] & 1) != 0) {
                    throw new IllegalStateException("dependency is not a square at column " + c);
                }
                if (c > 0 && exps[c] > 0) {
                    z.multiply(fb.primes[c - 1], exps[c] / 2);
                }
            }
            BigInteger xv = x.value();
            if (negative && xv.signum() != 0) {
                xv = n.subtract(xv);
            }
            BigInteger g = xv.subtract(z.value()).gcd(n);
            if (g.signum() > 0 && !g.equals(BigInteger.ONE) && !g.equals(n)) {
                return g;
            }
            return null;
        }
    }

    /**
     * A product modulo the odd {@code n} of many factors: small ones (each below 2^63) gathered in a
     * long and multiplied in once per long's worth of them, and residues below n. Montgomery
     * multiplication on limbs ({@link MontgomeryLimbs}, which rho and ECM have compiled already)
     * instead of BigInteger's multiply and mod: the square root step's one mod per relation had C2
     * compile BigInteger's long division (MutableBigInteger.divideMagnitude, once or twice, 0.07-0.24 s)
     * in every run of 100 128-bit semiprimes.
     */
    static final class SmallProduct {
        private final BigInteger n;
        private final MontgomeryLimbs mont;
        private final long[] acc;
        private final long[] word;
        private long pending = 1;

        SmallProduct(BigInteger n) {
            this.n = n;
            this.mont = new MontgomeryLimbs(n);
            this.acc = mont.one();
            this.word = mont.newElement();
        }

        /** Multiplies by {@code p^e} ({@code 1 <= p < 2^63}, {@code e >= 0}). */
        void multiply(long p, int e) {
            for (int k = 0; k < e; k++) {
                if (pending > Long.MAX_VALUE / p) {
                    flush();
                }
                pending *= p;
            }
        }

        /** Multiplies by {@code 0 <= y < n}. */
        void multiply(BigInteger y) {
            mont.load(y, word);
            mont.toMontgomery(word, word);
            mont.mul(acc, word, acc);
        }

        private void flush() {
            Arrays.fill(word, 0L);
            word[0] = pending;
            if (n.bitLength() < 64 && Long.compareUnsigned(pending, n.longValue()) >= 0) {
                word[0] = Long.remainderUnsigned(pending, n.longValue());
            }
            mont.toMontgomery(word, word);
            mont.mul(acc, word, acc);
            pending = 1;
        }

        /** The product so far, reduced mod n. */
        BigInteger value() {
            flush();
            return mont.fromMontgomery(acc);
        }
    }
}
