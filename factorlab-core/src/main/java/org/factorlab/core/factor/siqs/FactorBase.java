package org.factorlab.core.factor.siqs;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The factor base of {@code kN}: 2, the primes dividing the multiplier {@code k}, and the odd primes
 * {@code p} with {@code (kN/p) = 1}, with a square root {@code t_p} of {@code kN mod p} and a scaled
 * byte logarithm of each. Immutable once built; cached per JVM (a handful of entries) so every
 * {@link SieveUnit} of one run shares it. Thread-safe.
 */
final class FactorBase {

    private record Key(BigInteger n, int multiplier, SiqsParameters params) {
    }

    private static final Map<Key, FactorBase> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4;
    /**
     * Primes from this bound on are bucket sieved (see {@link PolynomialSieve}); below it they are
     * sieved block by block, which costs a loop set-up per prime and block.
     */
    static final int BUCKET_FROM = Integer.getInteger("factorlab.siqs.bucketFrom", SiqsParameters.BLOCK_SIZE);

    final BigInteger n;
    final int multiplier;
    final BigInteger kn;
    final int size;
    final int[] primes;
    final int[] sqrts;
    /** round(log2(p) · logScale). */
    final byte[] logs;
    final double logScale;
    /** First index sieved (primes below the small prime limit are only trial divided). */
    final int firstSieved;
    /** First index whose prime is at least the block size (bucket sieved). */
    final int firstLarge;
    /** Primes dividing k (not sieved, trial divided). */
    final boolean[] dividesK;
    /** 1/p, for a fast x mod p. */
    final double[] reciprocals;
    /**
     * {@code p^-1 mod 2^32} (0 for p = 2): d ≥ 0 is a multiple of odd p iff {@code d · p^-1 mod 2^32},
     * read unsigned, is at most {@code (2^32 − 1) / p} (Granlund and Montgomery, "Division by invariant
     * integers using multiplication", 1994, §9) — a divisibility test of one multiplication.
     */
    final int[] inverses32;
    /** {@code (2^32 − 1) / p}, with its sign bit flipped so that a signed comparison orders it unsigned. */
    final int[] divisibleLimits;
    /** A prime factor of n met while building, or null. */
    final BigInteger divisorOfN;
    final long largePrimeBound;
    /** {@code pmax^2}: a cofactor below it has no factor-base-free factorisation but itself (it is prime). */
    final long pmaxSquared;
    /**
     * A composite cofactor up to this bound whose two prime factors are both below
     * {@link #largePrimeBound} makes a relation with two large primes; 0 turns the variation off.
     */
    final long doubleLargeBound;
    final int threshold;

    static FactorBase get(BigInteger n, int multiplier, SiqsParameters params) {
        Key key = new Key(n, multiplier, params.withAPerUnit(1));
        FactorBase fb = CACHE.get(key);
        if (fb == null) {
            fb = new FactorBase(n, multiplier, params);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.putIfAbsent(key, fb);
        }
        return fb;
    }

    private FactorBase(BigInteger n, int multiplier, SiqsParameters params) {
        this.n = n;
        this.multiplier = multiplier;
        this.kn = n.multiply(BigInteger.valueOf(multiplier));
        int want = params.factorBaseSize();
        int[] ps = new int[want];
        int[] rs = new int[want];
        boolean[] dk = new boolean[want];
        int count = 0;
        ps[count] = 2;
        rs[count] = kn.testBit(0) ? 1 : 0;
        dk[count] = multiplier % 2 == 0;
        count++;
        BigInteger found = null;
        int limit = Math.max(1000, want * 30);
        int[] small = primesUpTo(limit);
        int[] nLimbs = limbs(n);
        int si = 1;
        while (count < want) {
            if (si >= small.length) {
                limit *= 2;
                small = primesUpTo(limit);
            }
            int p = small[si++];
            int nm = mod(nLimbs, p);
            if (nm == 0 && found == null && !n.equals(BigInteger.valueOf(p))) {
                found = BigInteger.valueOf(p);
            }
            int r = (int) ((long) nm * (multiplier % p) % p);
            if (r == 0) {
                if (multiplier % p == 0) {
                    ps[count] = p;
                    rs[count] = 0;
                    dk[count] = true;
                    count++;
                }
                continue;
            }
            if (jacobi(r, p) == 1) {
                ps[count] = p;
                rs[count] = sqrtMod(r, p);
                count++;
            }
        }
        this.size = count;
        this.primes = ps;
        this.sqrts = rs;
        this.dividesK = dk;
        this.divisorOfN = found;
        int fs = 0;
        while (fs < size && primes[fs] < params.smallPrimeLimit()) {
            fs++;
        }
        this.firstSieved = fs;
        int fl = fs;
        while (fl < size && primes[fl] < BUCKET_FROM) {
            fl++;
        }
        this.firstLarge = fl;
        long pmax = primes[size - 1];
        this.largePrimeBound = Math.min(pmax * pmax - 1, pmax * params.largePrimeMultiplier());
        this.pmaxSquared = pmax * pmax;
        // Two large primes whenever the cofactor splitter's contract holds (no prime factor below its
        // trial-division limit, as none below pmax); how many such cofactors are seen at all is up to
        // the threshold: at the slack of 45 digits and below, almost none (0-1 per 128-bit number,
        // ~100 per 45-digit one), from 50 digits on thousands.
        this.doubleLargeBound = pmax >= 1024
                ? (largePrimeBound < (1L << 31) ? largePrimeBound * largePrimeBound : Long.MAX_VALUE)
                : 0;
        // g(x) is at most M·sqrt(kN/2) in absolute value.
        int m = params.intervalLength() / 2;
        double logG = kn.bitLength() / 2.0 - 0.5 + Math.log(m) / Math.log(2);
        double ideal = logG - Math.log((double) largePrimeBound) / Math.log(2) - params.thresholdSlack();
        double scale = ideal > 120 ? 120 / ideal : 1.0;
        this.logScale = scale;
        this.threshold = Math.max(1, (int) Math.round(ideal * scale));
        byte[] lg = new byte[size];
        for (int i = 0; i < size; i++) {
            lg[i] = (byte) Math.round(Math.log(primes[i]) / Math.log(2) * scale);
        }
        this.logs = lg;
        double[] inv = new double[size];
        for (int i = 0; i < size; i++) {
            inv[i] = 1.0 / primes[i];
        }
        this.reciprocals = inv;
        int[] pinv = new int[size];
        int[] lim = new int[size];
        for (int i = 0; i < size; i++) {
            int p = primes[i];
            if ((p & 1) != 0) {
                int x = p; // correct to 3 bits for odd p; each Newton step doubles that
                for (int k = 0; k < 4; k++) {
                    x *= 2 - p * x;
                }
                pinv[i] = x;
                lim[i] = (int) (0xFFFF_FFFFL / p) ^ Integer.MIN_VALUE;
            } else {
                lim[i] = Integer.MIN_VALUE; // never "divisible": 2 is divided out separately
            }
        }
        this.inverses32 = pinv;
        this.divisibleLimits = lim;
    }

    int largestPrime() {
        return primes[size - 1];
    }

    static int[] primesUpTo(int limit) {
        boolean[] composite = new boolean[limit + 1];
        int count = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j <= limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        int[] out = new int[count];
        int c = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                out[c++] = i;
            }
        }
        return out;
    }

    /** The magnitude of {@code n ≥ 0} as 32-bit limbs, most significant first (for {@link #mod}). */
    static int[] limbs(BigInteger n) {
        int count = Math.max(1, (n.bitLength() + 31) >>> 5);
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[count - 1 - k] = n.shiftRight(32 * k).intValue();
        }
        return out;
    }

    /** The limbs' value modulo {@code 0 < p < 2^31}: a BigInteger remainder without the allocation. */
    static int mod(int[] limbs, int p) {
        long r = 0;
        for (int limb : limbs) {
            r = ((r << 32) | (limb & 0xFFFF_FFFFL)) % p;
        }
        return (int) r;
    }

    /**
     * The Jacobi symbol {@code (a/m)} for {@code 0 ≤ a} and odd {@code m > 0} — the Legendre symbol
     * when m is prime — by quadratic reciprocity, in O(log m) word operations (Crandall &amp;
     * Pomerance, Algorithm 2.3.5).
     */
    static int jacobi(int a, int m) {
        a %= m;
        int t = 1;
        while (a != 0) {
            int z = Integer.numberOfTrailingZeros(a);
            a >>>= z;
            if ((z & 1) != 0 && ((m & 7) == 3 || (m & 7) == 5)) {
                t = -t;
            }
            if ((a & 3) == 3 && (m & 3) == 3) {
                t = -t;
            }
            int r = m % a;
            m = a;
            a = r;
        }
        return m == 1 ? t : 0;
    }

    static long powMod(long b, long e, long p) {
        long r = 1;
        b %= p;
        while (e > 0) {
            if ((e & 1) != 0) {
                r = r * b % p;
            }
            b = b * b % p;
            e >>= 1;
        }
        return r;
    }

    /** Inverse of a modulo p (0 < a < p, p prime < 2^31), by the extended Euclidean algorithm. */
    static int inverse(int a, int p) {
        int r0 = p;
        int r1 = a;
        int s0 = 0;
        int s1 = 1;
        while (r1 != 0) {
            int q = r0 / r1;
            int t = r0 - q * r1;
            r0 = r1;
            r1 = t;
            t = s0 - q * s1;
            s0 = s1;
            s1 = t;
        }
        return s0 < 0 ? s0 + p : s0;
    }

    /** A square root of the quadratic residue r modulo the odd prime p (Tonelli–Shanks). */
    static int sqrtMod(int r, int p) {
        if (p % 4 == 3) {
            return (int) powMod(r, (p + 1) / 4, p);
        }
        int q = p - 1;
        int s = 0;
        while ((q & 1) == 0) {
            q >>= 1;
            s++;
        }
        int z = 2;
        while (powMod(z, (p - 1) / 2, p) != p - 1) {
            z++;
        }
        long c = powMod(z, q, p);
        long x = powMod(r, (q + 1) / 2, p);
        long t = powMod(r, q, p);
        int m = s;
        while (t != 1) {
            int i = 0;
            long tt = t;
            while (tt != 1) {
                tt = tt * tt % p;
                i++;
            }
            long b = c;
            for (int j = 0; j < m - i - 1; j++) {
                b = b * b % p;
            }
            x = x * b % p;
            c = b * b % p;
            t = t * c % p;
            m = i;
        }
        return (int) x;
    }

    @Override
    public String toString() {
        return "FactorBase(k=" + multiplier + ", size=" + size + ", pmax=" + largestPrime() + ", T=" + threshold
                + ", sieved from " + firstSieved + ", large from " + firstLarge + ") " + Arrays.hashCode(primes);
    }
}
