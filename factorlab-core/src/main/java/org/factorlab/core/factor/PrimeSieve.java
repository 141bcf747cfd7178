package org.factorlab.core.factor;

import java.util.Arrays;

/**
 * The sieve of Eratosthenes, whole or by segments, for the prime tables of trial division and the
 * prime ranges of ECM's two stages (Crandall &amp; Pomerance, <i>Prime Numbers</i>, §3.2).
 * Segments keep memory bounded by the segment length whatever the range. Stateless.
 */
final class PrimeSieve {

    private PrimeSieve() {
    }

    /** The primes {@code ≤ limit}, ascending. Cost O(limit log log limit), memory {@code limit} bytes. */
    static int[] primesUpTo(int limit) {
        if (limit < 2) {
            return new int[0];
        }
        boolean[] composite = new boolean[limit + 1];
        int count = 0;
        int[] primes = new int[Math.max(16, (int) (1.3 * limit / Math.log(limit)) + 16)];
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                primes[count++] = i;
                for (long j = (long) i * i; j <= limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return Arrays.copyOf(primes, count);
    }

    /**
     * Marks the primes in {@code [lo, lo + length)}: {@code result[i]} is true iff {@code lo + i} is
     * prime. {@code basePrimes} must contain every prime up to √(lo + length).
     */
    static boolean[] segment(long lo, int length, int[] basePrimes) {
        boolean[] prime = new boolean[length];
        Arrays.fill(prime, true);
        for (int i = 0; i < length && lo + i < 2; i++) {
            prime[i] = false;
        }
        long hi = lo + length;
        for (int p : basePrimes) {
            long pp = (long) p * p;
            if (pp >= hi) {
                break;
            }
            // First multiple of p in range that is not p itself (p's own square at least).
            long first = Math.max(pp, ((lo + p - 1) / p) * p);
            for (long j = first; j < hi; j += p) {
                prime[(int) (j - lo)] = false;
            }
        }
        return prime;
    }

    /** The primes up to √hi (plus one), enough for {@link #segment} below {@code hi}. */
    static int[] basePrimesBelow(long hi) {
        return primesUpTo((int) Math.sqrt((double) hi) + 2);
    }
}
