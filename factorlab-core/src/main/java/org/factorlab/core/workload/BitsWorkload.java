package org.factorlab.core.workload;

import org.factorlab.core.Unsigned;

import java.math.BigInteger;

/**
 * {@code count} integers of exactly {@code bits} bits — uniform in {@code [2^(bits-1), 2^bits)} — where
 * the i-th number is a pure function of the seed and i, as in {@link RandomWorkload}.
 *
 * <p>Use it for inputs of a given size ("100,000 random 64-bit numbers", "10 random 300-bit numbers").
 * Up to 64 bits, {@link #number64} gives the value without allocating: the top {@code bits} bits of one
 * SplitMix64 word with the highest set. Above, {@link #number} draws as many words as needed. Immutable
 * and thread-safe; numbers may be computed in any order, by any thread.
 *
 * <pre>{@code
 * BitsWorkload w = new BitsWorkload(1, 100_000, 64);
 * long n = w.number64(0);   // 2^63 <= n < 2^64, unsigned; the same on every machine
 * }</pre>
 *
 * @param seed  the seed; two workloads with the same parameters are identical
 * @param count how many numbers
 * @param bits  the bit length of every number, 1 to {@value #MAX_BITS}
 */
public record BitsWorkload(long seed, long count, int bits) {
    /** The largest bit length accepted. */
    public static final int MAX_BITS = 4096;

    public BitsWorkload {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be from 1 to " + MAX_BITS + ": " + bits);
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
        long x = new SplitMix64Stream(seed, index).nextLong();
        return (x >>> (64 - bits)) | (1L << (bits - 1));
    }

    /** The {@code index}-th number (0-based). */
    public BigInteger number(long index) {
        if (fitsInLong()) {
            return Unsigned.toBigInteger(number64(index));
        }
        return new SplitMix64Stream(seed, index).nextBits(bits).setBit(bits - 1);
    }
}
