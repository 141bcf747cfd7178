package org.factorlab.core.factor;

import org.factorlab.core.Unsigned;
import org.factorlab.core.arith.Montgomery128;
import org.factorlab.core.arith.Montgomery64;
import org.factorlab.core.primality.Bpsw128;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Complete factorization of numbers below 2^127 on two-word arithmetic: the path for 65- to
 * 127-bit inputs that keeps {@code BigInteger} out of every loop.
 *
 * <h2>Implementation overview</h2>
 * <ol>
 *   <li>Powers of 2 by the lowest set bit; anything that fits 64 bits goes to
 *       {@link Factor64#factor(long, long[])}.</li>
 *   <li>Trial division by the odd primes below {@value #TRIAL_LIMIT} without division: the number is
 *       cut once into 42-bit chunks {@code a2·2^84 + a1·2^42 + a0}, so that for each prime
 *       {@code s = a2·(2^84 mod p) + a1·(2^42 mod p) + a0 < 2^58} is congruent to it mod {@code p};
 *       {@code p | s} iff {@code s·p^-1 mod 2^64 ≤ ⌊(2^64 − 1)/p⌋} (Granlund–Montgomery 1994, as in
 *       {@link AutoFactorizer}). A found prime is divided out exactly, word by word with
 *       {@code p^-1 mod 2^64}. As soon as the cofactor fits 64 bits it is handed to the 64-bit
 *       path.</li>
 *   <li>Each remaining cofactor {@code c}: below {@value #TRIAL_LIMIT}² it is prime; otherwise
 *       {@link Bpsw128} (BPSW, no known counterexample); else a perfect power {@code r^k} gives
 *       {@code k} copies of {@code r}; else {@link PollardBrent128} with {@value #RHO_STEPS} steps
 *       (factors up to about 2^26), then {@link Ecm128} until a factor appears. Both pieces of a
 *       split go back on the work list (pieces below 2^64 to the 64-bit path).</li>
 * </ol>
 *
 * <p><b>Cost</b> (CPU time on the shared build machine, where GNU {@code factor} took 19.7 ms per
 * number): 2 000 consecutive 96-bit numbers from 2^95: 1.8 ms per number on average
 * (median 0.3 ms; the mean is made by the few numbers with two 40- to 50-bit factors); products of
 * two 48-bit primes 28 ms; products of two 63-bit primes about 0.7 s (there a quadratic sieve on
 * the whole number should be much faster; {@link Ecm128#factor(Montgomery128, int)} bounds the ECM
 * effort for such a hand-over).
 *
 * <p>Stateless and thread-safe; cancellable through rho and ECM (CancellationException, interrupt
 * flag left set).
 */
public final class Factor128 {

    static final int TRIAL_LIMIT = 1 << 14;
    static final long RHO_STEPS = 1 << 13;

    private static final long[] PRIMES;
    private static final long[] INVERSES;
    private static final long[] LIMITS;
    private static final long[] C42;
    private static final long[] C84;
    private static final long MASK42 = (1L << 42) - 1;

    static {
        int[] primes = PrimeSieve.primesUpTo(TRIAL_LIMIT);
        int k = primes.length - 1; // without 2
        PRIMES = new long[k];
        INVERSES = new long[k];
        LIMITS = new long[k];
        C42 = new long[k];
        C84 = new long[k];
        for (int i = 0; i < k; i++) {
            long p = primes[i + 1];
            PRIMES[i] = p;
            INVERSES[i] = Montgomery64.inverse(p);
            LIMITS[i] = Long.divideUnsigned(-1L, p);
            C42[i] = (1L << 42) % p;
            C84[i] = C42[i] * C42[i] % p;
        }
    }

    private Factor128() {
    }

    /** Whether {@code n} is in range: {@code 0 < n < 2^127}. */
    public static boolean fits(BigInteger n) {
        return n.signum() > 0 && n.bitLength() <= 127;
    }

    /**
     * The prime factorization of {@code 0 < n < 2^127}, ascending with multiplicity (empty for 1).
     * Factors above 2^64 are BPSW probable primes.
     *
     * @throws IllegalArgumentException if {@code n} is out of range
     * @throws CancellationException    if the thread is interrupted
     */
    public static List<BigInteger> factor(BigInteger n) {
        if (!fits(n)) {
            throw new IllegalArgumentException("out of range for Factor128: " + n);
        }
        List<BigInteger> factors = new ArrayList<>();
        long[] out = new long[64];
        int twos = n.getLowestSetBit();
        for (int i = 0; i < twos; i++) {
            factors.add(BigInteger.TWO);
        }
        BigInteger odd = n.shiftRight(twos);
        long hi = odd.shiftRight(64).longValue();
        long lo = odd.longValue();
        State s = new State(hi, lo);
        trialDivide(s, factors);
        List<long[]> work = new ArrayList<>();
        if (s.hi != 0 || s.lo != 1) {
            work.add(new long[] {s.hi, s.lo});
        }
        while (!work.isEmpty()) {
            long[] c = work.remove(work.size() - 1);
            if (c[0] == 0) {
                int count = Factor64.factor(c[1], out);
                for (int i = 0; i < count; i++) {
                    factors.add(Unsigned.toBigInteger(out[i]));
                }
                continue;
            }
            Montgomery128 m = new Montgomery128(c[0], c[1]);
            if (Bpsw128.isProbablePrime(m)) {
                factors.add(Montgomery128.toBigInteger(c[0], c[1]));
                continue;
            }
            BigInteger big = Montgomery128.toBigInteger(c[0], c[1]);
            BigInteger[] power = perfectPower(big);
            if (power != null) {
                int k = power[1].intValue();
                for (int i = 0; i < k; i++) {
                    work.add(new long[] {power[0].shiftRight(64).longValue(), power[0].longValue()});
                }
                continue;
            }
            findFactor(m);
            BigInteger f = Montgomery128.toBigInteger(m.hi, m.lo);
            BigInteger g = big.divide(f);
            work.add(new long[] {f.shiftRight(64).longValue(), f.longValue()});
            work.add(new long[] {g.shiftRight(64).longValue(), g.longValue()});
        }
        Collections.sort(factors);
        return factors;
    }

    /**
     * A nontrivial factor of the composite {@code 1 < n < 2^127} (not necessarily prime; the least
     * prime factor if one lies below {@value #TRIAL_LIMIT}).
     *
     * @throws IllegalArgumentException if {@code n} is out of range or a probable prime
     * @throws CancellationException    if the thread is interrupted
     */
    public static BigInteger split(BigInteger n) {
        if (!fits(n) || n.equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("out of range for Factor128: " + n);
        }
        if (!n.testBit(0)) {
            if (n.equals(BigInteger.TWO)) {
                throw new IllegalArgumentException("prime: " + n);
            }
            return BigInteger.TWO;
        }
        long hi = n.shiftRight(64).longValue();
        long lo = n.longValue();
        long p = smallFactor(hi, lo);
        if (p != 0 && !(hi == 0 && lo == p)) {
            return BigInteger.valueOf(p);
        }
        if (hi == 0) {
            long[] out = new long[64];
            int count = Factor64.factor(lo, out);
            if (count < 2) {
                throw new IllegalArgumentException("prime: " + n);
            }
            return Unsigned.toBigInteger(out[0]);
        }
        Montgomery128 m = new Montgomery128(hi, lo);
        if (Bpsw128.isProbablePrime(m)) {
            throw new IllegalArgumentException("probable prime: " + n);
        }
        BigInteger[] power = perfectPower(n);
        if (power != null) {
            return power[0];
        }
        findFactor(m);
        return Montgomery128.toBigInteger(m.hi, m.lo);
    }

    /**
     * A nontrivial factor of the odd composite modulus of {@code m} (no prime factor below the trial
     * limit, not a perfect power), left in (m.hi, m.lo): rho for small factors, then ECM.
     */
    static void findFactor(Montgomery128 m) {
        if (PollardBrent128.factor(m, RHO_STEPS)) {
            return;
        }
        Ecm128.factor(m);
    }

    /** Mutable two-word cofactor for trial division. */
    private static final class State {
        long hi;
        long lo;

        State(long hi, long lo) {
            this.hi = hi;
            this.lo = lo;
        }
    }

    /** Divides the odd primes below the trial limit out of {@code s}, appending them. */
    private static void trialDivide(State s, List<BigInteger> factors) {
        long a0 = s.lo & MASK42;
        long a1 = ((s.lo >>> 42) | (s.hi << 22)) & MASK42;
        long a2 = s.hi >>> 20;
        for (int i = 0; i < PRIMES.length && s.hi != 0; i++) {
            long r = a2 * C84[i] + a1 * C42[i] + a0;
            if (Long.compareUnsigned(r * INVERSES[i], LIMITS[i]) > 0) {
                continue;
            }
            long p = PRIMES[i];
            BigInteger bp = BigInteger.valueOf(p);
            do {
                factors.add(bp);
                // Exact division word by word: q·p = n, so q_lo = n_lo·p^-1 and the high word
                // follows from n_hi = q_hi·p + ⌊q_lo·p / 2^64⌋ (mod 2^64).
                long ql = s.lo * INVERSES[i];
                long qh = (s.hi - Math.unsignedMultiplyHigh(ql, p)) * INVERSES[i];
                s.hi = qh;
                s.lo = ql;
            } while (Bpsw128.mod(s.hi, s.lo, p) == 0);
            a0 = s.lo & MASK42;
            a1 = ((s.lo >>> 42) | (s.hi << 22)) & MASK42;
            a2 = s.hi >>> 20;
        }
    }

    /** The least odd prime below the trial limit dividing the odd {@code n}, or 0. */
    private static long smallFactor(long hi, long lo) {
        long a0 = lo & MASK42;
        long a1 = ((lo >>> 42) | (hi << 22)) & MASK42;
        long a2 = hi >>> 20;
        for (int i = 0; i < PRIMES.length; i++) {
            long r = a2 * C84[i] + a1 * C42[i] + a0;
            if (Long.compareUnsigned(r * INVERSES[i], LIMITS[i]) <= 0) {
                return PRIMES[i];
            }
        }
        return 0;
    }

    /**
     * {@code {r, k}} with {@code r^k = c} and {@code k ≥ 2} prime, or null. Squares are filtered by
     * residues mod 64 before any root is taken; only prime exponents {@code k} with
     * {@code 2^(14k) ≤ c} can occur, since {@code c} has no prime factor below 2^14.
     */
    static BigInteger[] perfectPower(BigInteger c) {
        long lo = c.longValue();
        if (Bpsw128.isSquare(c.shiftRight(64).longValue(), lo)) {
            return new BigInteger[] {c.sqrt(), BigInteger.TWO};
        }
        int maxK = c.bitLength() / 14;
        for (int k = 3; k <= maxK; k += 2) {
            if (!BigInteger.valueOf(k).isProbablePrime(20)) {
                continue;
            }
            BigInteger r = AutoFactorizer.iroot(c, k);
            if (r.pow(k).equals(c)) {
                return new BigInteger[] {r, BigInteger.valueOf(k)};
            }
        }
        return null;
    }
}
