package org.factorlab.core.workload;

import org.factorlab.core.primality.Primality;

import java.math.BigInteger;

/**
 * Random primes of an exact bit length, drawn deterministically from a {@link SplitMix64Stream}.
 *
 * <p><b>How.</b> Draw a random odd start with its top two bits set, then return the first prime at or
 * after it (incremental search: Menezes, van Oorschot, Vanstone, <i>Handbook of Applied
 * Cryptography</i>, §4.4.1); if the search runs past the bit length, draw a new start. Setting the top two
 * bits makes every prime at least 1.5 · 2^(bits-1), so the product of a {@code k}-bit and an
 * {@code m}-bit prime found here is at least 2.25 · 2^(k+m-2) &gt; 2^(k+m-1): it has exactly
 * {@code k + m} bits.
 *
 * <p>Primes that follow a long gap are slightly more likely than others; that does not matter for a
 * benchmark input. Primality: {@link Primality} (proven below 2^64, BPSW above). For large sizes the
 * candidates are first sieved by the odd primes below {@value #SIEVE_LIMIT}, which removes about 85%
 * of the odd candidates before any exponentiation: a k-bit search then tests about k/20 candidates
 * (instead of k/2.9 odd ones), almost all of which fail the first strong test, one exponentiation.
 */
final class PrimeSearch {
    private static final int SIEVE_LIMIT = 2000;
    private static final int[] ODD_PRIMES = oddPrimesBelow(SIEVE_LIMIT);

    private PrimeSearch() {
    }

    /** A random prime of exactly {@code bits} bits, 2 ≤ {@code bits} ≤ 62. */
    static long prime64(SplitMix64Stream random, int bits) {
        long limit = 1L << bits;
        while (true) {
            long start = (random.nextLong() >>> (64 - bits)) | (3L << (bits - 2)) | 1;
            for (long c = start; c < limit; c += 2) {
                if (Primality.isPrime(c)) {
                    return c;
                }
            }
        }
    }

    /** A random prime of exactly {@code bits} bits, {@code bits} ≥ 2. */
    static BigInteger prime(SplitMix64Stream random, int bits) {
        if (bits <= 62) {
            return BigInteger.valueOf(prime64(random, bits));
        }
        while (true) {
            BigInteger start = random.nextBits(bits).setBit(bits - 1).setBit(bits - 2).setBit(0);
            BigInteger found = nextPrimeWithin(start, bits);
            if (found != null) {
                return found;
            }
        }
    }

    /**
     * The first prime at or after the odd {@code start} (above {@value #SIEVE_LIMIT}) that still has
     * {@code bits} bits, or null if there is none.
     */
    private static BigInteger nextPrimeWithin(BigInteger start, int bits) {
        int[] residues = new int[ODD_PRIMES.length];
        for (int i = 0; i < ODD_PRIMES.length; i++) {
            residues[i] = start.mod(BigInteger.valueOf(ODD_PRIMES[i])).intValue();
        }
        // Invariant: residues[i] = (start + offset) mod ODD_PRIMES[i]; a zero means a small factor.
        for (long offset = 0; ; offset += 2) {
            if (!hasZero(residues)) {
                BigInteger candidate = start.add(BigInteger.valueOf(offset));
                if (candidate.bitLength() > bits) {
                    return null;
                }
                if (Primality.isPrime(candidate)) {
                    return candidate;
                }
            }
            for (int i = 0; i < residues.length; i++) {
                int r = residues[i] + 2;
                residues[i] = r >= ODD_PRIMES[i] ? r - ODD_PRIMES[i] : r;
            }
        }
    }

    private static boolean hasZero(int[] residues) {
        for (int r : residues) {
            if (r == 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] oddPrimesBelow(int limit) {
        boolean[] composite = new boolean[limit];
        int count = 0;
        for (int i = 3; i < limit; i += 2) {
            if (!composite[i]) {
                count++;
                for (int j = i * i; j < limit; j += 2 * i) {
                    composite[j] = true;
                }
            }
        }
        int[] primes = new int[count];
        int k = 0;
        for (int i = 3; i < limit; i += 2) {
            if (!composite[i]) {
                primes[k++] = i;
            }
        }
        return primes;
    }
}
