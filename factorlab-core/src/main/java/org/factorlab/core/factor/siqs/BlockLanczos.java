package org.factorlab.core.factor.siqs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Montgomery's block Lanczos algorithm over GF(2) with 64-bit blocks: dependencies among the rows of
 * a large sparse matrix in {@code O(n·w·n/64)} time and {@code O(n + w)} memory, where {@code n} is
 * the number of rows and {@code w} the number of nonzeros per row.
 *
 * <h2>Algorithm</h2>
 *
 * <p><b>Setting.</b> With {@code B} the {@code n × c} relation matrix (row {@code i} = relation
 * {@code i}), we want vectors {@code z ∈ GF(2)^n} with {@code Bᵀz = 0}. Lanczos needs a symmetric
 * matrix, so it works with {@code A = B·Bᵀ} ({@code n × n}), never formed: {@code A·V} is computed as
 * {@code B·(Bᵀ·V)}, both products walking the same compressed-row arrays, for a block {@code V} of 64
 * vectors held as one {@code long} per row (P. L. Montgomery, "A block Lanczos algorithm for finding
 * dependencies over GF(2)", EUROCRYPT '95, LNCS 921, 106–120; Crandall &amp; Pomerance, <i>Prime
 * Numbers</i>, §6.1.4).
 *
 * <p><b>Iteration.</b> Pick a random block {@code Y} (seeded), set {@code V₀ = A·Y}. Step {@code i}
 * chooses a subset {@code Sᵢ} of the 64 columns of {@code Vᵢ} such that {@code Wᵢ = Vᵢ·Sᵢ} has
 * {@code Wᵢᵀ A Wᵢ} invertible, including every column left out at step {@code i − 1}; this and the
 * inverse {@code Wᵢ^inv = Sᵢ(SᵢᵀVᵢᵀAVᵢSᵢ)⁻¹Sᵢᵀ} come from one Gaussian elimination on the
 * {@code 64 × 128} matrix {@code [VᵢᵀAVᵢ | I]} (Montgomery §8). The next block is the three-term
 * recurrence
 * <pre>
 *   Vᵢ₊₁ = A·Vᵢ·SᵢSᵢᵀ + Vᵢ·Dᵢ₊₁ + Vᵢ₋₁·Eᵢ₊₁ + Vᵢ₋₂·Fᵢ₊₁
 *   Dᵢ₊₁ = I + Wᵢ^inv·(VᵢᵀA²Vᵢ·SᵢSᵢᵀ + VᵢᵀAVᵢ)
 *   Eᵢ₊₁ = Wᵢ₋₁^inv·VᵢᵀAVᵢ·SᵢSᵢᵀ
 *   Fᵢ₊₁ = Wᵢ₋₂^inv·(I + Vᵢ₋₁ᵀAVᵢ₋₁·Wᵢ₋₁^inv)·(Vᵢ₋₁ᵀA²Vᵢ₋₁·Sᵢ₋₁Sᵢ₋₁ᵀ + Vᵢ₋₁ᵀAVᵢ₋₁)·SᵢSᵢᵀ
 * </pre>
 * which keeps each block A-orthogonal to all earlier ones, while {@code X = Σ Vᵢ·Wᵢ^inv·VᵢᵀV₀}
 * accumulates. It stops at the first {@code m} with {@code VₘᵀAVₘ = 0}, after about
 * {@code n/63.2} steps; then {@code A·(X − Y)} lies in the span of {@code A·Vₘ}.
 *
 * <p><b>Extraction.</b> The 128 columns of {@code Z = [X − Y | Vₘ]} are combined into dependencies
 * of {@code B} itself: compute {@code Bᵀ·Z} ({@code c × 128}), find its null space by Gaussian
 * elimination on 128-bit rows, map each null vector {@code u} to {@code Z·u}, and keep a linearly
 * independent, nonzero subset (each such vector's support is a set of rows XORing to zero). When
 * {@code n} exceeds the rank by 64 or more this typically yields 62–64 dependencies.
 *
 * <p><b>Failure modes.</b> The selection can fail (a column of {@code [VᵀAV | I]} without a pivot),
 * the iteration can overrun, or the extraction can find too few vectors (an unlucky start or a
 * breakdown). Each attempt is checked; on failure the attempt is repeated with a different (seeded)
 * start block, and after {@value #ATTEMPTS} attempts, or for fewer than {@value #DENSE_BELOW} columns,
 * {@link DenseGauss} is used when its {@code n(n + c)/8}-byte matrix fits in {@value #DENSE_MAX_MB} MB.
 * Every returned set is re-checked against the input.
 *
 * <p><b>Cost.</b> Per step: one product by {@code A} ({@code 2·nnz} scattered XORs into a
 * {@code c}-long array; the 64 heaviest columns, if dense enough, as a 64-bit block handled with
 * byte tables) and a few passes of byte-table products over the {@code n}-long blocks: in all about
 * {@code (n/63)·(2·nnz + 60n)} word operations. Memory: the compressed rows ({@code 4·nnz} bytes)
 * and nine {@code long[n]} blocks. Measured ({@code Gf2Bench}, thread CPU time, on a 2-core machine
 * shared with other builds, so upper bounds): 0.2 s for 6,400 × 6,300 and 0.9 s for 13,150 × 13,050
 * filtered SIQS-like matrices (33 nonzeros per row); the whole {@link Gf2Solvers#defaultSolver()}
 * call on the unfiltered 30,100 × 30,000 matrix allocates 31 MB in total. Run it on a filtered matrix
 * ({@link Gf2Filter}, done by {@link Gf2Solvers#defaultSolver()}): the cost is quadratic in
 * {@code n}.
 *
 * <p>Instances are immutable and thread-safe; the result is a function of the input and the seed.
 * Checks for interruption once per step.
 */
public final class BlockLanczos implements Gf2Solver {

    /** Seed of the first start block; later attempts derive theirs from it. */
    public static final long DEFAULT_SEED = 0x5DEECE66DL;

    /** Below this many columns DenseGauss is used directly. */
    static final int DENSE_BELOW = 200;
    static final int ATTEMPTS = 4;
    /** Largest dense fallback, in MB. */
    static final int DENSE_MAX_MB = 96;

    private final long seed;

    public BlockLanczos() {
        this(DEFAULT_SEED);
    }

    public BlockLanczos(long seed) {
        this.seed = seed;
    }

    @Override
    public List<int[]> dependencies(int[][] rows, int columnCount, int maxDeps) {
        Gf2Rows.check(rows, columnCount, maxDeps);
        int n = rows.length;
        if (n == 0 || maxDeps == 0) {
            return new ArrayList<>();
        }
        boolean denseFits = (long) n * (n + columnCount) / 8 <= (long) DENSE_MAX_MB << 20;
        if (columnCount < DENSE_BELOW && denseFits || n < 64) {
            return new DenseGauss().dependencies(rows, columnCount, maxDeps);
        }
        // Enough: what a successful run gives when the excess n - c is at least this big.
        int wanted = Math.min(maxDeps, Math.max(1, Math.min(32, n - columnCount)));
        Csr csr = new Csr(rows, columnCount);
        List<int[]> best = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<int[]> deps = new Run(csr, seeds.nextLong()).solve(maxDeps);
            if (deps != null && deps.size() > best.size()) {
                best = deps;
            }
            if (best.size() >= wanted) {
                return best;
            }
        }
        if (denseFits) {
            return new DenseGauss().dependencies(rows, columnCount, maxDeps);
        }
        return best;
    }

    /**
     * One block Lanczos attempt, no retry and no fallback (for tests and measurements).
     *
     * @return the dependencies found, or null if the attempt broke down
     */
    static List<int[]> singleAttempt(int[][] rows, int columnCount, int maxDeps, long startSeed) {
        return singleAttempt(rows, columnCount, maxDeps, startSeed, true);
    }

    /** As above, optionally without the dense block of heavy columns (for comparisons). */
    static List<int[]> singleAttempt(int[][] rows, int columnCount, int maxDeps, long startSeed,
                                     boolean denseBlock) {
        Gf2Rows.check(rows, columnCount, maxDeps);
        return new Run(new Csr(rows, columnCount, denseBlock), startSeed).solve(maxDeps);
    }

    /**
     * The matrix in compressed-row form, except that the 64 heaviest columns, when they hold at least
     * {@value #DENSE_BLOCK_MIN} nonzeros per row on average (the small primes of a SIQS matrix), are
     * kept as one 64-bit word per row: their share of {@code Bᵀ·v} is then one byte-table inner
     * product and of {@code B·u} eight table lookups per row, instead of two scattered XORs per
     * nonzero.
     */
    private static final class Csr {
        static final int DENSE_BLOCK_MIN = 8;

        final int n;
        final int columns;
        final int[] start;
        final int[] cols;
        /** dense[i] bit t = row i has column heavy[t]; null if no dense block. */
        final long[] dense;
        final int[] heavy;
        private final long[] table = new long[8 * 256];
        private final long[] small = new long[64];

        Csr(int[][] rows, int columns) {
            this(rows, columns, true);
        }

        Csr(int[][] rows, int columns, boolean allowDense) {
            this.n = rows.length;
            this.columns = columns;
            int[] weight = new int[columns];
            for (int[] row : rows) {
                for (int c : row) {
                    weight[c]++;
                }
            }
            int[] heavyBit = new int[columns];
            Arrays.fill(heavyBit, -1);
            int[] top = topColumns(weight, Math.min(64, columns));
            long topWeight = 0;
            for (int c : top) {
                topWeight += weight[c];
            }
            if (allowDense && columns >= 64 && topWeight >= (long) DENSE_BLOCK_MIN * n) {
                heavy = top;
                for (int t = 0; t < top.length; t++) {
                    heavyBit[top[t]] = t;
                }
                dense = new long[n];
            } else {
                heavy = new int[0];
                dense = null;
            }
            start = new int[n + 1];
            long nnz = 0;
            for (int i = 0; i < n; i++) {
                for (int c : rows[i]) {
                    if (heavyBit[c] < 0) {
                        nnz++;
                    }
                }
                if (nnz > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("too many nonzeros: " + nnz);
                }
                start[i + 1] = (int) nnz;
            }
            cols = new int[(int) nnz];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int c : rows[i]) {
                    if (heavyBit[c] < 0) {
                        cols[k++] = c;
                    } else {
                        dense[i] |= 1L << heavyBit[c];
                    }
                }
            }
        }

        /** The {@code count} heaviest columns (ties: lower index first). */
        private static int[] topColumns(int[] weight, int count) {
            // One long per column, ascending order = heavier first, then lower index: a primitive
            // sort, no boxing and no comparator for the JIT compiler to specialise.
            long[] keys = new long[weight.length];
            for (int c = 0; c < weight.length; c++) {
                keys[c] = ((long) (Integer.MAX_VALUE - weight[c]) << 32) | c;
            }
            Arrays.sort(keys);
            int[] top = new int[count];
            for (int t = 0; t < count; t++) {
                top[t] = (int) keys[t];
            }
            return top;
        }

        /** {@code out (c longs) = Bᵀ·v (n longs)}. */
        void mulTranspose(long[] v, long[] out) {
            Arrays.fill(out, 0, columns, 0L);
            int[] cs = cols;
            int k = 0;
            if (dense == null) {
                for (int i = 0; i < n; i++) {
                    long vi = v[i];
                    int end = start[i + 1];
                    for (; k < end; k++) {
                        out[cs[k]] ^= vi;
                    }
                }
                return;
            }
            long[] tab = table;
            Arrays.fill(tab, 0L);
            long[] d = dense;
            for (int i = 0; i < n; i++) {
                long vi = v[i];
                int end = start[i + 1];
                for (; k < end; k++) {
                    out[cs[k]] ^= vi;
                }
                long w = d[i];
                tab[(int) w & 0xFF] ^= vi;
                tab[256 + ((int) (w >>> 8) & 0xFF)] ^= vi;
                tab[512 + ((int) (w >>> 16) & 0xFF)] ^= vi;
                tab[768 + ((int) (w >>> 24) & 0xFF)] ^= vi;
                tab[1024 + ((int) (w >>> 32) & 0xFF)] ^= vi;
                tab[1280 + ((int) (w >>> 40) & 0xFF)] ^= vi;
                tab[1536 + ((int) (w >>> 48) & 0xFF)] ^= vi;
                tab[1792 + ((int) (w >>> 56) & 0xFF)] ^= vi;
            }
            Run.collapse(tab, 0, small);
            for (int t = 0; t < 64; t++) {
                out[heavy[t]] = small[t];
            }
        }

        /** {@code out (n longs) = B·u (c longs)}. */
        void mul(long[] u, long[] out) {
            int[] cs = cols;
            int k = 0;
            if (dense == null) {
                for (int i = 0; i < n; i++) {
                    long acc = 0;
                    int end = start[i + 1];
                    for (; k < end; k++) {
                        acc ^= u[cs[k]];
                    }
                    out[i] = acc;
                }
                return;
            }
            for (int t = 0; t < 64; t++) {
                small[t] = u[heavy[t]];
            }
            long[] tab = Run.buildTables(small);
            long[] d = dense;
            for (int i = 0; i < n; i++) {
                long acc = 0;
                int end = start[i + 1];
                for (; k < end; k++) {
                    acc ^= u[cs[k]];
                }
                long w = d[i];
                acc ^= tab[(int) w & 0xFF] ^ tab[256 + ((int) (w >>> 8) & 0xFF)]
                        ^ tab[512 + ((int) (w >>> 16) & 0xFF)] ^ tab[768 + ((int) (w >>> 24) & 0xFF)]
                        ^ tab[1024 + ((int) (w >>> 32) & 0xFF)] ^ tab[1280 + ((int) (w >>> 40) & 0xFF)]
                        ^ tab[1536 + ((int) (w >>> 48) & 0xFF)] ^ tab[1792 + ((int) (w >>> 56) & 0xFF)];
                out[i] = acc;
            }
        }
    }

    /** One attempt from one start block. */
    private static final class Run {
        private final Csr b;
        private final int n;
        private final long startSeed;
        private final long[] tables = new long[2 * 8 * 256];

        Run(Csr b, long startSeed) {
            this.b = b;
            this.n = b.n;
            this.startSeed = startSeed;
        }

        /** Dependencies found, or null if the attempt broke down. */
        List<int[]> solve(int maxDeps) {
            SplittableRandom random = new SplittableRandom(startSeed);
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextLong();
            }
            long[] u = new long[b.columns];
            long[] v = new long[n];
            b.mulTranspose(y, u);
            b.mul(u, v);
            long[] v0 = v.clone();
            long[] vPrev = new long[n];
            long[] vPrev2 = new long[n];
            long[] av = new long[n];
            long[] x = new long[n];
            long[] next = new long[n];

            long[] winvPrev = new long[64];
            long[] winvPrev2 = new long[64];
            long[] vAvPrev = new long[64];
            long[] kPrev = new long[64];
            long sPrev = -1L;
            long[] vAv = new long[64];
            long[] vAAv = new long[64];
            long[] vTv0 = new long[64];
            long[] winv = new long[64];
            long[] k = new long[64];
            long[] d = new long[64];
            long[] e = new long[64];
            long[] f = new long[64];
            long[] t = new long[64];
            long[] xCoef = new long[64];

            int limit = n / 60 + 40;
            for (int iter = 0; ; iter++) {
                Gf2Rows.checkInterrupt("block Lanczos");
                if (iter > limit) {
                    return null;
                }
                b.mulTranspose(v, u);
                b.mul(u, av);
                // VᵀAV = (BᵀV)ᵀ(BᵀV) over the c columns; VᵀA²V = (AV)ᵀ(AV) and VᵀV₀ over the n rows.
                innerProduct(u, u, b.columns, vAv, 0);
                innerProducts(av, v, v0, vAAv, vTv0);
                if (isZero(vAv)) {
                    break;
                }
                long s = select(vAv, sPrev, winv);
                if (s == 0 || (s | sPrev) != -1L) {
                    // A column left out twice in a row, or no usable column: the recurrence would
                    // lose orthogonality. Stop here; extraction decides whether anything was found.
                    break;
                }
                // X += Vᵢ·Wᵢ^inv·VᵢᵀV₀
                mul64(winv, vTv0, xCoef);
                // K = VᵀA²V·SSᵀ + VᵀAV;  D = I + Winv·K
                for (int r = 0; r < 64; r++) {
                    k[r] = (vAAv[r] & s) ^ vAv[r];
                }
                mul64(winv, k, d);
                for (int r = 0; r < 64; r++) {
                    d[r] ^= 1L << r;
                }
                // E = Winvᵢ₋₁·VᵀAV·SSᵀ
                for (int r = 0; r < 64; r++) {
                    t[r] = vAv[r] & s;
                }
                mul64(winvPrev, t, e);
                // F = Winvᵢ₋₂·(I + Vᵢ₋₁ᵀAVᵢ₋₁·Winvᵢ₋₁)·Kᵢ₋₁·SSᵀ
                mul64(vAvPrev, winvPrev, t);
                for (int r = 0; r < 64; r++) {
                    t[r] ^= 1L << r;
                }
                mul64(winvPrev2, t, f);
                mul64(f, kPrev, t);
                for (int r = 0; r < 64; r++) {
                    f[r] = t[r] & s;
                }
                step(v, vPrev, vPrev2, av, s, d, e, f, xCoef, x, next);
                long[] recycled = vPrev2;
                vPrev2 = vPrev;
                vPrev = v;
                v = next;
                next = recycled;
                long[] w = winvPrev2;
                winvPrev2 = winvPrev;
                winvPrev = winv;
                winv = w;
                w = vAvPrev;
                vAvPrev = vAv;
                vAv = w;
                w = kPrev;
                kPrev = k;
                k = w;
                sPrev = s;
            }
            for (int i = 0; i < n; i++) {
                x[i] ^= y[i];
            }
            return extract(x, v, maxDeps);
        }

        /**
         * The fused per-row pass: {@code next = AV·SSᵀ + V·D + Vᵢ₋₁·E + Vᵢ₋₂·F} and
         * {@code x += V·xCoef}, with one byte table per 8 rows of each 64 × 64 factor.
         */
        private void step(long[] v, long[] vPrev, long[] vPrev2, long[] av, long s, long[] d, long[] e,
                          long[] f, long[] xCoef, long[] x, long[] next) {
            long[] td = buildTables(d);
            long[] te = buildTables(e);
            long[] tf = buildTables(f);
            long[] tx = buildTables(xCoef);
            for (int i = 0; i < n; i++) {
                long vi = v[i];
                long p = vPrev[i];
                long q = vPrev2[i];
                long acc = av[i] & s;
                long xs = x[i];
                for (int byteIdx = 0, base = 0; byteIdx < 8; byteIdx++, base += 256) {
                    int sh = byteIdx << 3;
                    int bv = (int) (vi >>> sh) & 0xFF;
                    acc ^= td[base + bv] ^ te[base + ((int) (p >>> sh) & 0xFF)]
                            ^ tf[base + ((int) (q >>> sh) & 0xFF)];
                    xs ^= tx[base + bv];
                }
                next[i] = acc;
                x[i] = xs;
            }
        }

        /** For a 64 × 64 matrix m: table[256·j + b] = XOR of the rows 8j + t of m for the bits t of b. */
        static long[] buildTables(long[] m) {
            long[] table = new long[8 * 256];
            for (int j = 0; j < 8; j++) {
                int base = j * 256;
                for (int bv = 1; bv < 256; bv++) {
                    table[base + bv] = table[base + (bv & (bv - 1))] ^ m[8 * j + Integer.numberOfTrailingZeros(bv)];
                }
            }
            return table;
        }

        /** out (64 × 64) = aᵀ·b for blocks a, b of {@code len} rows, via table slot {@code slot}. */
        private void innerProduct(long[] a, long[] bb, int len, long[] out, int slot) {
            long[] tab = tables;
            int base = slot * 2048;
            Arrays.fill(tab, base, base + 2048, 0L);
            for (int i = 0; i < len; i++) {
                long w = a[i];
                long x = bb[i];
                tab[base + ((int) w & 0xFF)] ^= x;
                tab[base + 256 + ((int) (w >>> 8) & 0xFF)] ^= x;
                tab[base + 512 + ((int) (w >>> 16) & 0xFF)] ^= x;
                tab[base + 768 + ((int) (w >>> 24) & 0xFF)] ^= x;
                tab[base + 1024 + ((int) (w >>> 32) & 0xFF)] ^= x;
                tab[base + 1280 + ((int) (w >>> 40) & 0xFF)] ^= x;
                tab[base + 1536 + ((int) (w >>> 48) & 0xFF)] ^= x;
                tab[base + 1792 + ((int) (w >>> 56) & 0xFF)] ^= x;
            }
            collapse(tab, base, out);
        }

        /** (av)ᵀ(av) into aa and vᵀv₀ into vv, in one pass. */
        private void innerProducts(long[] av, long[] v, long[] v0, long[] aa, long[] vv) {
            long[] tab = tables;
            Arrays.fill(tab, 0, 4096, 0L);
            for (int i = 0; i < n; i++) {
                long w = av[i];
                long z = v[i];
                long o = v0[i];
                for (int j = 0, base = 0; j < 8; j++, base += 256) {
                    int sh = j << 3;
                    tab[base + ((int) (w >>> sh) & 0xFF)] ^= w;
                    tab[2048 + base + ((int) (z >>> sh) & 0xFF)] ^= o;
                }
            }
            collapse(tab, 0, aa);
            collapse(tab, 2048, vv);
        }

        /** Row 8j + t of the product = XOR of the table entries of byte j whose bit t is set. */
        static void collapse(long[] tab, int base, long[] out) {
            for (int j = 0; j < 8; j++) {
                int tb = base + j * 256;
                for (int t = 0; t < 8; t++) {
                    long acc = 0;
                    for (int bv = 1 << t; bv < 256; bv = (bv + 1) | (1 << t)) {
                        acc ^= tab[tb + bv];
                    }
                    out[8 * j + t] = acc;
                }
            }
        }

        /**
         * Extracts dependencies of B from the 128 columns of [x | vm]: null space of Bᵀ[x | vm]
         * (c × 128), mapped through [x | vm], reduced to independent nonzero vectors.
         */
        /**
         * Adds the 128-bit row {@code (lo, hi)} to the fully reduced echelon basis of {@code rank} rows
         * ({@code bLo}, {@code bHi}, their pivot bits in {@code pivot}) unless it depends on them; the
         * new rank. A method of its own, called once per column: the launcher compiles
         * {@link #extract} with C1 only and without on-stack replacement, and this loop, inside it,
         * ran interpreted for the first numbers of a batch.
         */
        private static int absorb(long lo, long hi, long[] bLo, long[] bHi, int[] pivot, int rank) {
            for (int r = 0; r < rank && (lo | hi) != 0; r++) {
                int p = pivot[r];
                if (((p < 64 ? lo >>> p : hi >>> (p - 64)) & 1) != 0) {
                    lo ^= bLo[r];
                    hi ^= bHi[r];
                }
            }
            if ((lo | hi) == 0) {
                return rank;
            }
            int p = lo != 0 ? Long.numberOfTrailingZeros(lo) : 64 + Long.numberOfTrailingZeros(hi);
            // Keep the basis fully reduced: clear the new pivot from the earlier rows.
            for (int r = 0; r < rank; r++) {
                if (((p < 64 ? bLo[r] >>> p : bHi[r] >>> (p - 64)) & 1) != 0) {
                    bLo[r] ^= lo;
                    bHi[r] ^= hi;
                }
            }
            bLo[rank] = lo;
            bHi[rank] = hi;
            pivot[rank] = p;
            return rank + 1;
        }

        /**
         * The vector over the {@code n} rows whose bit {@code i} is the parity of
         * {@code x[i] & lo} plus {@code vm[i] & hi}: the combination {@code (lo, hi)} of the columns of
         * {@code [x | vm]}. A method of its own for the reason given at {@link #absorb}.
         */
        private static long[] combination(long[] x, long[] vm, long lo, long hi, int n, int words) {
            long[] vec = new long[words];
            for (int i = 0; i < n; i++) {
                if ((Long.bitCount(x[i] & lo) + Long.bitCount(vm[i] & hi) & 1) != 0) {
                    vec[i >>> 6] |= 1L << i;
                }
            }
            return vec;
        }

        private List<int[]> extract(long[] x, long[] vm, int maxDeps) {
            long[] ux = new long[b.columns];
            long[] uv = new long[b.columns];
            b.mulTranspose(x, ux);
            b.mulTranspose(vm, uv);
            // Echelon basis of the rows of Bᵀ[x | vm], each 128 bits (lo = x part, hi = vm part).
            long[] bLo = new long[128];
            long[] bHi = new long[128];
            int[] pivot = new int[128];
            int rank = 0;
            for (int c = 0; c < b.columns && rank < 128; c++) {
                rank = absorb(ux[c], uv[c], bLo, bHi, pivot, rank);
            }
            boolean[] isPivot = new boolean[128];
            for (int r = 0; r < rank; r++) {
                isPivot[pivot[r]] = true;
            }
            // Null vectors: e_free + Σ_{pivot rows having the free bit} e_pivot.
            int kernel = 0;
            long[] nLo = new long[128];
            long[] nHi = new long[128];
            for (int fcol = 0; fcol < 128; fcol++) {
                if (isPivot[fcol]) {
                    continue;
                }
                long lo = fcol < 64 ? 1L << fcol : 0;
                long hi = fcol < 64 ? 0 : 1L << (fcol - 64);
                for (int r = 0; r < rank; r++) {
                    if (((fcol < 64 ? bLo[r] >>> fcol : bHi[r] >>> (fcol - 64)) & 1) != 0) {
                        int p = pivot[r];
                        if (p < 64) {
                            lo ^= 1L << p;
                        } else {
                            hi ^= 1L << (p - 64);
                        }
                    }
                }
                nLo[kernel] = lo;
                nHi[kernel++] = hi;
            }
            // Map through [x | vm]: vectors over the n rows, then keep an independent nonzero set.
            int words = (n + 63) >>> 6;
            long[][] basis = new long[kernel][];
            int[] basisPivot = new int[kernel];
            int found = 0;
            for (int t = 0; t < kernel; t++) {
                long[] vec = combination(x, vm, nLo[t], nHi[t], n, words);
                for (int r = 0; r < found; r++) {
                    int p = basisPivot[r];
                    if ((vec[p >>> 6] >>> p & 1) != 0) {
                        long[] bv = basis[r];
                        for (int w = 0; w < words; w++) {
                            vec[w] ^= bv[w];
                        }
                    }
                }
                int p = -1;
                for (int w = 0; w < words; w++) {
                    if (vec[w] != 0) {
                        p = (w << 6) + Long.numberOfTrailingZeros(vec[w]);
                        break;
                    }
                }
                if (p >= 0) {
                    basis[found] = vec;
                    basisPivot[found++] = p;
                }
            }
            // Re-check all candidates at once: pack up to 64 of them per block and multiply by Bᵀ;
            // a candidate is good when its bit is clear in every column of the product.
            long[] bad = new long[(found + 63) >>> 6];
            long[] block = new long[n];
            for (int base = 0; base < found; base += 64) {
                Arrays.fill(block, 0L);
                for (int t = base; t < Math.min(found, base + 64); t++) {
                    long[] vec = basis[t];
                    long bit = 1L << (t - base);
                    for (int w = 0; w < words; w++) {
                        for (long word = vec[w]; word != 0; word &= word - 1) {
                            block[(w << 6) + Long.numberOfTrailingZeros(word)] |= bit;
                        }
                    }
                }
                b.mulTranspose(block, ux);
                long acc = 0;
                for (int c = 0; c < b.columns; c++) {
                    acc |= ux[c];
                }
                bad[base >>> 6] = acc;
            }
            List<int[]> deps = new ArrayList<>();
            for (int r = 0; r < found && deps.size() < maxDeps; r++) {
                if ((bad[r >>> 6] >>> r & 1) != 0) {
                    continue;
                }
                long[] vec = basis[r];
                int count = 0;
                for (long w : vec) {
                    count += Long.bitCount(w);
                }
                int[] set = new int[count];
                int c = 0;
                for (int w = 0; w < words; w++) {
                    for (long word = vec[w]; word != 0; word &= word - 1) {
                        set[c++] = (w << 6) + Long.numberOfTrailingZeros(word);
                    }
                }
                deps.add(set);
            }
            return deps;
        }
    }

    /**
     * Montgomery's choice of Sᵢ and Wᵢ^inv: Gaussian elimination on [T | I] (T = VᵢᵀAVᵢ), columns not
     * in {@code sPrev} tried first so that they are taken now. Writes Wᵢ^inv into {@code winv}.
     *
     * @return the mask of Sᵢ, or 0 if the elimination breaks down
     */
    static long select(long[] t, long sPrev, long[] winv) {
        long[] left = t.clone();
        long[] right = winv;
        for (int r = 0; r < 64; r++) {
            right[r] = 1L << r;
        }
        int[] order = new int[64];
        int o = 0;
        for (int c = 0; c < 64; c++) {
            if ((sPrev >>> c & 1) == 0) {
                order[o++] = c;
            }
        }
        for (int c = 0; c < 64; c++) {
            if ((sPrev >>> c & 1) != 0) {
                order[o++] = c;
            }
        }
        long s = 0;
        for (int j = 0; j < 64; j++) {
            int cj = order[j];
            for (int kk = j; kk < 64; kk++) {
                int ck = order[kk];
                if ((left[ck] >>> cj & 1) != 0) {
                    swap(left, right, ck, cj);
                    break;
                }
            }
            if ((left[cj] >>> cj & 1) != 0) {
                s |= 1L << cj;
                for (int kk = 0; kk < 64; kk++) {
                    int ck = order[kk];
                    if (kk != j && (left[ck] >>> cj & 1) != 0) {
                        left[ck] ^= left[cj];
                        right[ck] ^= right[cj];
                    }
                }
            } else {
                for (int kk = j; kk < 64; kk++) {
                    int ck = order[kk];
                    if ((right[ck] >>> cj & 1) != 0) {
                        swap(left, right, ck, cj);
                        break;
                    }
                }
                if ((right[cj] >>> cj & 1) == 0) {
                    return 0;
                }
                for (int kk = 0; kk < 64; kk++) {
                    int ck = order[kk];
                    if (kk != j && (right[ck] >>> cj & 1) != 0) {
                        left[ck] ^= left[cj];
                        right[ck] ^= right[cj];
                    }
                }
                left[cj] = 0;
                right[cj] = 0;
            }
        }
        return s;
    }

    private static void swap(long[] left, long[] right, int a, int c) {
        long tl = left[a];
        left[a] = left[c];
        left[c] = tl;
        long tr = right[a];
        right[a] = right[c];
        right[c] = tr;
    }

    /** out = a·b for 64 × 64 matrices (row r bit c = entry (r, c)); out must differ from a and b. */
    static void mul64(long[] a, long[] b, long[] out) {
        for (int r = 0; r < 64; r++) {
            long acc = 0;
            for (long w = a[r]; w != 0; w &= w - 1) {
                acc ^= b[Long.numberOfTrailingZeros(w)];
            }
            out[r] = acc;
        }
    }

    private static boolean isZero(long[] m) {
        for (long w : m) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }
}
