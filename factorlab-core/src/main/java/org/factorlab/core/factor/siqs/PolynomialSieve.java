package org.factorlab.core.factor.siqs;

import org.factorlab.core.factor.Factor64;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * The sieving engine of one thread: for an A-coefficient it derives the {@code 2^(s−1)} polynomials
 * {@code g(x) = Ax^2 + 2Bx + C}, {@code B^2 − kN = AC}, sieves each over {@code [−M, M)} and turns the
 * positions whose byte logarithms pass the threshold into {@link Relation}s.
 *
 * <p>Self-initialisation (Contini; Crandall &amp; Pomerance §6.2): {@code A = q_1 ⋯ q_s} with factor
 * base primes {@code q_l}, {@code B = Σ ±B_l}, {@code B_l ≡ t_{q_l}} mod {@code q_l} and
 * {@code ≡ 0} mod the other {@code q}. Walking the signs in Gray-code order changes one {@code B_l} per
 * polynomial, so each root moves by the precomputed {@code ±2B_l A^{-1} mod p}: two additions per
 * prime instead of a modular inverse.
 *
 * <p>Sieve layout: the interval is cut into 32 KiB blocks. Primes below the small prime limit are not
 * sieved (the threshold is lowered instead); primes below the block size are sieved block by block
 * from stored next positions; larger primes are bucket sieved — when the roots are updated, each hit
 * is appended as {@code (prime index, offset)} to its block's bucket, applied when the block is
 * sieved and scanned again to find which large primes divide a candidate. Candidates are found eight
 * bytes at a time: bytes start at {@code 128 − T}, so a set top bit means the threshold was reached.
 * Small and special primes are trial divided; medium primes are tested by comparing {@code x mod p}
 * with the roots; only then is the candidate value divided, in a small int-limb buffer.
 *
 * <p>Cost per polynomial is about {@code 2M·Σ 2/p} byte additions plus two root updates per prime.
 * Not thread-safe: one instance per thread ({@link #forThread}).
 */
final class PolynomialSieve {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final int OFFSET_MASK = SiqsParameters.BLOCK_SIZE - 1;

    private static final ThreadLocal<PolynomialSieve> CURRENT = new ThreadLocal<>();

    private final FactorBase fb;
    private final SiqsParameters params;
    private final int interval;
    private final int m;
    private final int blocks;
    private final byte initial;
    private final byte[] sieve;
    private final int[] root1;
    private final int[] root2;
    private final int[] next1;
    private final int[] next2;
    /** Scratch of the candidate check: the position modulo each medium prime. */
    private final int[] remainders;
    /** Scratch of the candidate check: indices of the factor-base primes that divide the value. */
    private final int[] hits;
    private final int s;
    private final int[][] delta;
    private final int[][] buckets;
    private final int[] fill;
    /** The first large prime of at least half the interval, and the first of at least the interval. */
    private final int halfIntervalPrime;
    private final int intervalPrime;
    private final int aLo;
    private final int aHi;
    private final BigInteger targetA;

    // per A / per polynomial
    private final int[] aIdx;
    private final long[] gamma;
    private final BigInteger[] bl;
    private final int[] special;
    private int specialCount;
    private BigInteger a;
    private BigInteger b;
    private BigInteger c;
    private final long[] pre;
    private final long[] suf;
    private final long[] qMod;
    private final long[] gammaMod;

    // candidate checking scratch
    private int[] candidate = new int[64];
    /** Bucket entries of the current block at candidate positions ({@link #largeHits}). */
    private int[] largeHit = new int[256];
    private int largeHitCount;
    private int[] limbs = new int[16];
    private int[] quotient = new int[16];
    private int limbCount;
    private int[] cols = new int[64];
    private int colCount;

    static PolynomialSieve forThread(FactorBase fb, SiqsParameters params) {
        PolynomialSieve ps = CURRENT.get();
        if (ps == null || ps.fb != fb) {
            ps = new PolynomialSieve(fb, params);
            CURRENT.set(ps);
        }
        return ps;
    }

    /** Number of prime factors of A for this factor base and these parameters. */
    static int aFactorCount(FactorBase fb, SiqsParameters params) {
        double targetBits = fb.kn.bitLength() / 2.0 + 0.5 - Math.log(params.intervalLength() / 2.0) / Math.log(2);
        return Math.max(1, (int) Math.round(targetBits / params.aFactorBits()));
    }

    PolynomialSieve(FactorBase fb, SiqsParameters params) {
        this.fb = fb;
        this.params = params;
        this.interval = params.intervalLength();
        this.m = interval / 2;
        this.blocks = params.sieveBlocks();
        this.initial = (byte) (128 - fb.threshold);
        this.sieve = new byte[interval + 32]; // 32 scratch bytes for the last block (sievePolynomial)
        int size = fb.size;
        this.root1 = new int[size];
        this.remainders = new int[size];
        this.hits = new int[size + 64]; // room for special primes named twice (see checkCandidate)
        this.root2 = new int[size];
        this.next1 = new int[size];
        this.next2 = new int[size];
        this.s = aFactorCount(fb, params);
        this.delta = new int[s][size];
        // a prime p hits one block at most ⌈BLOCK_SIZE/p⌉ times per root
        int capacity = 16;
        for (int i = fb.firstLarge; i < size; i++) {
            capacity += 2 * ((SiqsParameters.BLOCK_SIZE + fb.primes[i] - 1) / fb.primes[i]);
        }
        // one spare bucket past the last block for the hits that fall outside (fillBuckets)
        this.buckets = new int[blocks + 1][];
        for (int b = 0; b < blocks; b++) {
            buckets[b] = new int[capacity];
        }
        buckets[blocks] = new int[1];
        this.fill = new int[blocks + 1];
        int k = fb.firstLarge;
        while (k < size && fb.primes[k] < interval / 2) {
            k++;
        }
        this.halfIntervalPrime = k;
        while (k < size && fb.primes[k] < interval) {
            k++;
        }
        this.intervalPrime = k;
        this.aIdx = new int[s];
        this.gamma = new long[s];
        this.bl = new BigInteger[s];
        this.special = new int[size];
        this.pre = new long[s + 1];
        this.qMod = new long[s];
        this.gammaMod = new long[s];
        this.suf = new long[s + 1];
        // target A = sqrt(2kN)/M; its prime factors are drawn around targetA^(1/s)
        this.targetA = fb.kn.shiftLeft(1).sqrt().divide(BigInteger.valueOf(m));
        double qBits = targetA.bitLength() / (double) s;
        double center = Math.pow(2, qBits);
        int lo = Math.max(fb.firstSieved, 1);
        while (lo < size && fb.primes[lo] < center / 1.6) {
            lo++;
        }
        int hi = lo;
        while (hi < size && fb.primes[hi] < center * 1.6) {
            hi++;
        }
        while (hi - lo < s + 8 && (lo > Math.max(fb.firstSieved, 1) || hi < size)) {
            if (lo > Math.max(fb.firstSieved, 1)) {
                lo--;
            }
            if (hi < size) {
                hi++;
            }
        }
        this.aLo = lo;
        this.aHi = hi;
    }

    int polynomialsPerA() {
        return 1 << (s - 1);
    }

    /** Sieves every polynomial of A number {@code aIndex}; appends relations to out. */
    long sieveA(long aIndex, List<Relation> out) {
        chooseA(aIndex);
        initA();
        int polys = 1 << (s - 1);
        for (int j = 0; j < polys; j++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("SIQS interrupted");
            }
            toPolynomial(j);
            sievePolynomial(out);
        }
        return polys;
    }

    /**
     * Makes polynomial {@code j} of the current A the current one: {@code j = 0} right after
     * {@link #initA}, each later one from the one before it (Gray-code order).
     */
    private void toPolynomial(int j) {
        if (j == 0) {
            fillBuckets();
            c = b.multiply(b).subtract(fb.kn).divide(a);
            return;
        }
        int v = Integer.numberOfTrailingZeros(j);
        boolean minus = (((j ^ (j >> 1)) >> v) & 1) != 0;
        BigInteger twoB = bl[v].shiftLeft(1);
        BigInteger old = b;
        b = minus ? b.subtract(twoB) : b.add(twoB);
        // C = (B^2 − kN)/A moves by (B'^2 − B^2)/A = ±2B_v(B' + B)/A = ±2γ_v(B' + B)/q_v, and
        // q_v divides B' + B (B ≡ ±B_v mod q_v and the step flips that sign): an exact division
        // by one word instead of a long division by A per polynomial, which had C2 compile
        // BigInteger's long division in every run.
        BigInteger step = b.add(old).divide(BigInteger.valueOf(fb.primes[aIdx[v]]))
                .multiply(BigInteger.valueOf(2 * gamma[v]));
        c = minus ? c.subtract(step) : c.add(step);
        updateRoots(delta[v], minus);
    }

    /** For tests: polynomial {@code j} of A number {@code aIndex} set up as for sieving (roots, buckets), not sieved. */
    void polynomialForTest(long aIndex, int j) {
        chooseA(aIndex);
        initA();
        for (int k = 0; k <= j; k++) {
            toPolynomial(k);
        }
    }

    /** For tests: the current polynomial's A and B, g(x) = (Ax + B)^2 − kN over A. */
    BigInteger[] coefficientsForTest() {
        return new BigInteger[] {a, b};
    }

    /** For tests: the bucket of block {@code blk}, {@code (prime index << 15) | offset} per hit. */
    int[] bucketForTest(int blk) {
        return Arrays.copyOf(buckets[blk], fill[blk]);
    }

    private void chooseA(long aIndex) {
        SplittableRandom rnd = new SplittableRandom(params.seed() ^ (aIndex * 0x9E37_79B9_7F4A_7C15L + 0x632B_E59B_D9B4_E019L));
        int range = aHi - aLo;
        BigInteger prod = BigInteger.ONE;
        int chosen = 0;
        int guard = 0;
        while (chosen < s - 1) {
            int i = aLo + rnd.nextInt(range);
            if (fb.dividesK[i] || contains(aIdx, chosen, i)) {
                if (++guard > 10_000) {
                    throw new IllegalStateException("cannot choose A");
                }
                continue;
            }
            aIdx[chosen++] = i;
            prod = prod.multiply(BigInteger.valueOf(fb.primes[i]));
        }
        // the last factor brings A closest to the target
        double want = Math.exp(logOf(targetA) - logOf(prod));
        int best = -1;
        double bestErr = Double.MAX_VALUE;
        int first = Math.max(fb.firstSieved, 1);
        int pos = Arrays.binarySearch(fb.primes, first, fb.size, (int) Math.min(Integer.MAX_VALUE, Math.max(3, want)));
        if (pos < 0) {
            pos = -pos - 1;
        }
        for (int i = Math.max(first, pos - 40); i < Math.min(fb.size, pos + 40); i++) {
            if (fb.dividesK[i] || contains(aIdx, chosen, i)) {
                continue;
            }
            double err = Math.abs(Math.log(fb.primes[i] / want));
            if (err < bestErr) {
                bestErr = err;
                best = i;
            }
        }
        aIdx[chosen++] = best;
        Arrays.sort(aIdx, 0, s);
    }

    private static double logOf(BigInteger x) {
        int shift = Math.max(0, x.bitLength() - 60);
        return Math.log(x.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }

    private static boolean contains(int[] xs, int count, int x) {
        for (int i = 0; i < count; i++) {
            if (xs[i] == x) {
                return true;
            }
        }
        return false;
    }

    private void initA() {
        BigInteger aa = BigInteger.ONE;
        for (int l = 0; l < s; l++) {
            aa = aa.multiply(BigInteger.valueOf(fb.primes[aIdx[l]]));
        }
        a = aa;
        BigInteger bb = BigInteger.ZERO;
        for (int l = 0; l < s; l++) {
            int q = fb.primes[aIdx[l]];
            BigInteger aq = aa.divide(BigInteger.valueOf(q));
            int aqm = aq.mod(BigInteger.valueOf(q)).intValue();
            long g = (long) fb.sqrts[aIdx[l]] * FactorBase.inverse(aqm, q) % q;
            if (g > q / 2) {
                g = q - g;
            }
            gamma[l] = g;
            bl[l] = aq.multiply(BigInteger.valueOf(g));
            bb = bb.add(bl[l]);
        }
        b = bb;
        specialCount = 0;
        int size = fb.size;
        int[] primes = fb.primes;
        int[] qs = new int[s];
        for (int l = 0; l < s; l++) {
            qs[l] = primes[aIdx[l]];
        }
        for (int i = 1; i < size; i++) {
            if (fb.dividesK[i] || contains(aIdx, s, i)) {
                special[specialCount++] = i;
                root1[i] = interval;
                root2[i] = interval;
                for (int l = 0; l < s; l++) {
                    delta[l][i] = 0;
                }
                continue;
            }
            initRoots(i, qs);
        }
    }

    /**
     * The roots of the new polynomial modulo the factor-base prime {@code primes[i]} (one that does
     * not divide a or k), and its {@code delta[l][i]}. A method of its own, called once per prime:
     * the JIT compiler then compiles it once, where as part of {@link #initA}'s loop it was compiled
     * on-stack seven times at 0.1-0.25 s each in a run of 100 128-bit numbers.
     */
    private void initRoots(int i, int[] qs) {
        int p = fb.primes[i];
        // reductions through the floating reciprocal (mulMod by 1): no hardware division per q
        double inv = fb.reciprocals[i];
        long[] qm = qMod;
        long[] gm = gammaMod;
        for (int l = 0; l < s; l++) {
            qm[l] = mulMod(qs[l], 1, p, inv);
            gm[l] = mulMod(gamma[l], 1, p, inv);
        }
        pre[0] = 1;
        for (int l = 0; l < s; l++) {
            pre[l + 1] = mulMod(pre[l], qm[l], p, inv);
        }
        suf[s] = 1;
        for (int l = s - 1; l >= 0; l--) {
            suf[l] = mulMod(suf[l + 1], qm[l], p, inv);
        }
        long ainv = FactorBase.inverse((int) pre[s], p);
        long ainv2 = mulMod(2 * ainv, 1, p, inv);
        long bm = 0;
        for (int l = 0; l < s; l++) {
            long blm = mulMod(gm[l], mulMod(pre[l], suf[l + 1], p, inv), p, inv);
            bm += blm;
            delta[l][i] = (int) mulMod(blm, ainv2, p, inv);
        }
        bm = mulMod(bm, 1, p, inv);
        long t = fb.sqrts[i];
        long mm = mulMod(m, 1, p, inv);
        long u1 = t - bm;
        if (u1 < 0) {
            u1 += p;
        }
        long u2 = 2L * p - t - bm;
        while (u2 >= p) {
            u2 -= p;
        }
        long r1 = mulMod(u1, ainv, p, inv) + mm;
        if (r1 >= p) {
            r1 -= p;
        }
        long r2 = mulMod(u2, ainv, p, inv) + mm;
        if (r2 >= p) {
            r2 -= p;
        }
        root1[i] = (int) r1;
        root2[i] = (int) r2;
    }

    /** a·b mod p for 0 ≤ a, b &lt; p &lt; 2^31, with the quotient estimated through 1/p. */
    private static long mulMod(long a, long b, int p, double inv) {
        long x = a * b; // < 2^62, so the estimated quotient is off by at most one: r in (-p, 2p)
        long r = x - (long) ((double) x * inv) * p;
        // Branch-free corrections: a rarely taken branch here became an uncommon trap in the big
        // methods that inline this one, and each trap cost a C2 recompilation of ~0.5 s.
        r += (r >> 63) & p;
        r -= p;
        r += (r >> 63) & p;
        return r;
    }

    private void resetSpecial() {
        for (int k = 0; k < specialCount; k++) {
            int i = special[k];
            root1[i] = interval;
            root2[i] = interval;
        }
    }

    /**
     * Appends every hit of the large primes' roots in the interval to the bucket of its block. Three
     * ranges of primes: below half the interval a root hits at least twice, and a loop's exit (one
     * misprediction per root) is shared by its hits; from half the interval to the interval, a root
     * (below p) hits once or twice; from the interval on, once or not. These hits are appended
     * without a branch, to the spare bucket {@code blocks} (whose fill count stays 0) when they fall
     * outside: as branches they were mispredicted about as often as taken, once or twice per root
     * and polynomial.
     */
    private void fillBuckets() {
        int[] fl = fill;
        Arrays.fill(fl, 0);
        int[] primes = fb.primes;
        int[] r1s = root1;
        int[] r2s = root2;
        int[][] bk = buckets;
        int iv = interval;
        for (int i = fb.firstLarge; i < halfIntervalPrime; i++) {
            int p = primes[i];
            int tag = i << SiqsParameters.BLOCK_BITS;
            for (int r = r1s[i]; r < iv; r += p) {
                int blk = r >>> SiqsParameters.BLOCK_BITS;
                bk[blk][fl[blk]++] = tag | (r & OFFSET_MASK);
            }
            for (int r = r2s[i]; r < iv; r += p) {
                int blk = r >>> SiqsParameters.BLOCK_BITS;
                bk[blk][fl[blk]++] = tag | (r & OFFSET_MASK);
            }
        }
        int spare = blocks;
        // (The first hit of a root here is sure, except for a special prime's root, parked at the
        // interval's end: so it goes the branch-free way too.)
        for (int i = halfIntervalPrime; i < intervalPrime; i++) {
            int p = primes[i];
            int tag = i << SiqsParameters.BLOCK_BITS;
            appendIfInside(bk, fl, r1s[i], iv, tag, spare);
            appendIfInside(bk, fl, r1s[i] + p, iv, tag, spare);
            appendIfInside(bk, fl, r2s[i], iv, tag, spare);
            appendIfInside(bk, fl, r2s[i] + p, iv, tag, spare);
        }
        int size = fb.size;
        for (int i = intervalPrime; i < size; i++) {
            int tag = i << SiqsParameters.BLOCK_BITS;
            appendIfInside(bk, fl, r1s[i], iv, tag, spare);
            appendIfInside(bk, fl, r2s[i], iv, tag, spare);
        }
    }

    /** Appends the hit at {@code r} to its block's bucket if {@code r < iv}, else to the spare bucket's slot 0. */
    private static void appendIfInside(int[][] bk, int[] fl, int r, int iv, int tag, int spare) {
        int inside = (r - iv) >> 31; // −1 if r < iv (both below 2^31), else 0
        int blk = ((r >>> SiqsParameters.BLOCK_BITS) & inside) | (spare & ~inside);
        bk[blk][fl[blk]] = tag | (r & OFFSET_MASK);
        fl[blk] -= inside;
    }

    /**
     * Moves every root by ±d (mod p), branch-free loops the JIT compiler vectorises, and refills the
     * buckets of the large primes.
     */
    private void updateRoots(int[] d, boolean plus) {
        int[] primes = fb.primes;
        int[] r1s = root1;
        int[] r2s = root2;
        int size = fb.size;
        if (plus) {
            for (int i = 1; i < size; i++) {
                int p = primes[i];
                int r1 = r1s[i] + d[i] - p;
                r1s[i] = r1 + ((r1 >> 31) & p);
                int r2 = r2s[i] + d[i] - p;
                r2s[i] = r2 + ((r2 >> 31) & p);
            }
        } else {
            for (int i = 1; i < size; i++) {
                int p = primes[i];
                int r1 = r1s[i] - d[i];
                r1s[i] = r1 + ((r1 >> 31) & p);
                int r2 = r2s[i] - d[i];
                r2s[i] = r2 + ((r2 >> 31) & p);
            }
        }
        resetSpecial();
        fillBuckets();
    }

    private void sievePolynomial(List<Relation> out) {
        int[] primes = fb.primes;
        byte[] logs = fb.logs;
        byte[] sv = sieve;
        int first = fb.firstSieved;
        int firstLarge = fb.firstLarge;
        System.arraycopy(root1, first, next1, first, firstLarge - first);
        System.arraycopy(root2, first, next2, first, firstLarge - first);
        for (int blk = 0; blk < blocks; blk++) {
            int start = blk << SiqsParameters.BLOCK_BITS;
            int end = start + SiqsParameters.BLOCK_SIZE;
            Arrays.fill(sv, start, end, initial);
            for (int i = first; i < firstLarge; i++) {
                int p = primes[i];
                byte lg = logs[i];
                // Both roots in one loop (which root is which does not matter for sieving). The order
                // of the roots and the last hit of the smaller one are random from prime to prime,
                // and as branches they were mispredicted about half the time each: the order is taken
                // by min and max (conditional moves), and the smaller root's last step is always
                // made, into one of the 32 scratch bytes past the block when it falls outside (they
                // belong to the next block, which is filled before it is sieved, or to the padding
                // after the interval). One block with ~1,800 primes as at 50 digits, roots drawn
                // afresh each time (bench/research/SieveBlock.java): median 70 -> 57 µs.
                int a = next1[i];
                int b = next2[i];
                int r1 = Math.min(a, b);
                int r2 = Math.max(a, b);
                for (; r2 < end; r1 += p, r2 += p) {
                    sv[r1] += lg;
                    sv[r2] += lg;
                }
                int inside = (r1 - end) >> 31; // −1 if r1 < end, else 0
                sv[(r1 & inside) | ((end + (i & 31)) & ~inside)] += lg;
                next1[i] = r1 + (p & inside);
                next2[i] = r2;
            }
            int[] bucket = buckets[blk];
            int count = fill[blk];
            for (int k = 0; k < count; k++) {
                int e = bucket[k];
                sv[start + (e & OFFSET_MASK)] += logs[e >>> SiqsParameters.BLOCK_BITS];
            }
            int found = 0;
            // Four words ORed per test: candidates are a few per block, so one well-predicted branch
            // per 32 bytes instead of per 8 (SIQS on 128-bit numbers ~5-10% faster, same JVM, alternated).
            for (int off = start; off < end; off += 32) {
                long w = (long) LONGS.get(sv, off) | (long) LONGS.get(sv, off + 8)
                        | (long) LONGS.get(sv, off + 16) | (long) LONGS.get(sv, off + 24);
                if ((w & HIGH_BITS) != 0) {
                    found = candidates(off, found);
                }
            }
            // No test of found > 0 (Math.min is a conditional move): a block without candidates is
            // rare below ~45 digits, and the first one hit that test's uncommon trap and a
            // recompilation of this method.
            largeHits(start, bucket, count & -Math.min(found, 1));
            for (int c = 0; c < found; c++) {
                check(candidate[c], out);
            }
        }
    }

    /** Appends the positions among the 32 from {@code off} whose byte reached the threshold. */
    private int candidates(int off, int found) {
        for (int k = 0; k < 32; k++) {
            if (sieve[off + k] < 0) {
                if (found == candidate.length) {
                    candidate = Arrays.copyOf(candidate, 2 * found);
                }
                candidate[found++] = off + k;
            }
        }
        return found;
    }

    /**
     * One pass over the block's bucket gathers the large-prime hits at candidate positions (their
     * sieve byte is negative, no other is): each candidate then looks through these few instead of
     * the whole bucket, which at 60 digits holds ~8,000 entries per block.
     */
    private void largeHits(int start, int[] bucket, int count) {
        byte[] sv = sieve;
        int h = 0;
        for (int k = 0; k < count; k++) {
            int e = bucket[k];
            if (sv[start + (e & OFFSET_MASK)] < 0) {
                if (h == largeHit.length) {
                    largeHit = Arrays.copyOf(largeHit, 2 * h);
                }
                largeHit[h++] = e;
            }
        }
        largeHitCount = h;
    }

    /** Diagnostics for tuning (-Dfactorlab.siqs.stats=true): candidates checked and time spent. */
    static final boolean STATS = Boolean.getBoolean("factorlab.siqs.stats");
    static final java.util.concurrent.atomic.AtomicLong CANDIDATES = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong CHECK_NANOS = new java.util.concurrent.atomic.AtomicLong();

    private void check(int pos, List<Relation> out) {
        if (!STATS) {
            checkCandidate(pos, out);
            return;
        }
        CANDIDATES.incrementAndGet();
        long t0 = System.nanoTime();
        try {
            checkCandidate(pos, out);
        } finally {
            CHECK_NANOS.addAndGet(System.nanoTime() - t0);
        }
    }

    private void checkCandidate(int pos, List<Relation> out) {
        long x = pos - m;
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger y = a.multiply(bx).add(b);
        BigInteger v = y.add(b).multiply(bx).add(c);
        colCount = 0;
        if (v.signum() < 0) {
            addColumn(0);
            v = v.negate();
        } else if (v.signum() == 0) {
            return;
        }
        load(v);
        for (int l = 0; l < s; l++) {
            addColumn(aIdx[l] + 1);
        }
        int[] primes = fb.primes;
        while ((limbs[limbCount - 1] & 1) == 0) {
            divide(2);
            addColumn(1);
        }
        // The primes that divide the value are gathered first and divided out in one loop at the
        // end: with a division loop at each of the three places that find them, the JIT compiler
        // inlined three copies and the method grew to ~67 kB of machine code, compiled three times
        // at ~1.5 s each while short runs waited for it.
        int[] hit = hits;
        int hitCount = 0;
        for (int k = 0; k < specialCount; k++) {
            hit[hitCount++] = special[k];
        }
        // every odd prime that is not special: it divides g(x) iff x is one of its roots
        int firstLarge = fb.firstLarge;
        int[] rem = remainders;
        int[] r1s = root1;
        int[] r2s = root2;
        int[] pinv = fb.inverses32;
        // Pass 1, branch-free so that the JIT vectorises it: pos ≡ root (mod p) iff p divides
        // pos − root + p (positive: roots are below p), tested by one multiplication by p^-1 mod 2^32
        // (FactorBase#inverses32); the smaller of the two products, sign-flipped for an unsigned
        // comparison, goes to pass 2. A special prime's roots are out of range: at worst it is named
        // twice, and dividing it out again finds nothing. (The earlier test, pos mod p through a
        // floating reciprocal and the distance to the nearer root, mixed double and int lanes.)
        for (int i = 1; i < firstLarge; i++) {
            int p = primes[i];
            int q = pinv[i];
            int t1 = (pos + p - r1s[i]) * q;
            int t2 = (pos + p - r2s[i]) * q;
            rem[i] = Math.min(t1 ^ Integer.MIN_VALUE, t2 ^ Integer.MIN_VALUE);
        }
        // Pass 2: a branch that is almost never taken.
        int[] lim = fb.divisibleLimits;
        for (int i = 1; i < firstLarge; i++) {
            if (rem[i] <= lim[i]) {
                hit[hitCount++] = i;
            }
        }
        int[] atCandidates = largeHit;
        int count = largeHitCount;
        int off = pos & OFFSET_MASK;
        for (int k = 0; k < count; k++) {
            int e = atCandidates[k];
            if ((e & OFFSET_MASK) == off) {
                hit[hitCount++] = e >>> SiqsParameters.BLOCK_BITS;
            }
        }
        for (int h = 0; h < hitCount; h++) {
            int i = hit[h];
            divideOut(i, primes[i]);
        }
        if (limbCount > 2) {
            return;
        }
        // The cofactor (1, a large prime, or the product of two) without a branch on its size: which
        // case comes first differs from run to run, and a case the profile had not seen yet was an
        // uncommon trap that made C2 compile this method again. limbs has room for two limbs.
        int two = limbCount - 1; // 0 or 1
        long large = ((limbs[0] & 0xFFFF_FFFFL) << (32 * two)) | (limbs[1] & 0xFFFF_FFFFL & -(long) two);
        // Unsigned: a cofactor of 2^63 or more goes the double-large way too, and is refused there.
        if (Long.compareUnsigned(large, fb.largePrimeBound) > 0) {
            addDoubleLarge(y, large, out);
            return;
        }
        addRelation(y, large, 1, out);
    }

    /**
     * Adds the relation of a cofactor above the single-large-prime bound if it splits into two large
     * primes. A method the launcher keeps from being inlined into {@link #checkCandidate}: below ~45
     * digits such a split is rare, the JIT compiler had made its branch an uncommon trap, and the
     * first double-large relation of a run then made it compile the whole check again (0.49 s, and
     * 0.28 s on-stack, of C2 time in a run of 100 products of two 64-bit primes).
     */
    private void addDoubleLarge(BigInteger y, long cofactor, List<Relation> out) {
        long f = doubleLarge(cofactor);
        if (f != 0) {
            addRelation(y, f, cofactor / f, out);
        }
    }

    private void addRelation(BigInteger y, long large, long second, List<Relation> out) {
        int[] c = Arrays.copyOf(cols, colCount);
        // Arrays.sort, a call of its own: an inlined sort loop here cost a recompilation of the
        // whole check (a loop-limit trap) worth more than the sort.
        Arrays.sort(c);
        out.add(new Relation(y, c, large, second));
    }

    /**
     * The smaller prime factor of a cofactor above the single-large-prime bound when it is the
     * product of two primes both below that bound (double large prime variation), else 0. A cofactor
     * below {@code pmax^2} is prime (it has no factor below pmax), so only larger composites are split.
     */
    private long doubleLarge(long cofactor) {
        // A negative cofactor (2^63 or more, unsigned) is below pmaxSquared and refused.
        if (cofactor < fb.pmaxSquared || cofactor > fb.doubleLargeBound || Factor64.isPrime(cofactor)) {
            return 0;
        }
        long f = Factor64.split(cofactor);
        long g = cofactor / f;
        long lo = Math.min(f, g);
        long hi = Math.max(f, g);
        return hi <= fb.largePrimeBound && Factor64.isPrime(lo) && Factor64.isPrime(hi) ? lo : 0;
    }

    private void addColumn(int col) {
        if (colCount == cols.length) {
            cols = Arrays.copyOf(cols, 2 * colCount);
        }
        cols[colCount++] = col;
    }

    /** Divides the limb buffer by p as often as p divides it, recording each factor. */
    private void divideOut(int i, int p) {
        while (tryDivide(p)) {
            addColumn(i + 1);
        }
    }

    /** Replaces the buffer by its quotient by p if p divides it exactly; one pass either way. */
    private boolean tryDivide(int p) {
        int[] q = quotient;
        if (q.length < limbCount) {
            q = new int[limbs.length];
            quotient = q;
        }
        // quotient digits from a floating reciprocal: cur < p·2^32, so the estimate is off by at most one
        double inv = 1.0 / p;
        long r = 0;
        for (int k = 0; k < limbCount; k++) {
            long cur = (r << 32) | (limbs[k] & 0xFFFF_FFFFL);
            long d = (long) (cur * inv);
            r = cur - d * p;
            if (r < 0) {
                d--;
                r += p;
            } else if (r >= p) {
                d++;
                r -= p;
            }
            q[k] = (int) d;
        }
        if (r != 0) {
            return false;
        }
        quotient = limbs;
        limbs = q;
        strip();
        return true;
    }

    private void load(BigInteger v) {
        byte[] bytes = v.toByteArray();
        int n = (bytes.length + 3) / 4;
        if (limbs.length < n) {
            limbs = new int[n + 4];
            quotient = new int[n + 4];
        }
        int k = 0;
        int lead = bytes.length - 4 * (n - 1);
        int word = 0;
        for (int j = 0; j < lead; j++) {
            word = (word << 8) | (bytes[j] & 0xFF);
        }
        limbs[k++] = word;
        for (int j = lead; j < bytes.length; j += 4) {
            limbs[k++] = ((bytes[j] & 0xFF) << 24) | ((bytes[j + 1] & 0xFF) << 16) | ((bytes[j + 2] & 0xFF) << 8)
                    | (bytes[j + 3] & 0xFF);
        }
        limbCount = n;
        strip();
    }

    private void strip() {
        int z = 0;
        while (z < limbCount - 1 && limbs[z] == 0) {
            z++;
        }
        if (z > 0) {
            System.arraycopy(limbs, z, limbs, 0, limbCount - z);
            limbCount -= z;
        }
    }

    private int remainder(int p) {
        long r = 0;
        for (int k = 0; k < limbCount; k++) {
            r = ((r << 32) | (limbs[k] & 0xFFFF_FFFFL)) % p;
        }
        return (int) r;
    }

    private void divide(int p) {
        long r = 0;
        for (int k = 0; k < limbCount; k++) {
            long cur = (r << 32) | (limbs[k] & 0xFFFF_FFFFL);
            limbs[k] = (int) (cur / p);
            r = cur % p;
        }
        strip();
    }
}
