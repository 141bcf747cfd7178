package org.factorlab.engine.work;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The unit of work every execution model moves around: a run of consecutive numbers of the input,
 * identified by its sequence number (0, 1, 2, … in input order).
 *
 * <p>A chunk is a plain value with no references to the JVM that made it, so it can be handed to a
 * thread, written to a child process (see {@code docs/protocol.md}) or, later, sent to another
 * machine. Numbers below 2^64 are held as unsigned {@code long}s; a larger one has its entry in
 * {@link #big()} set (and its {@code long} slot ignored).
 *
 * @param sequence the chunk's position in the input, from 0
 * @param numbers  the numbers, unsigned; not copied, so do not change the array after construction
 * @param big      {@code null} when every number fits 64 bits; otherwise an array as long as
 *                 {@code numbers} whose non-null entries replace those numbers
 */
public record Chunk(long sequence, long[] numbers, BigInteger[] big) {

    public Chunk {
        Objects.requireNonNull(numbers, "numbers");
        if (big != null && big.length != numbers.length) {
            throw new IllegalArgumentException("big has " + big.length + " entries for " + numbers.length + " numbers");
        }
    }

    /** A chunk of 64-bit numbers only. */
    public static Chunk of(long sequence, long... numbers) {
        return new Chunk(sequence, numbers, null);
    }

    /** How many numbers the chunk holds. */
    public int size() {
        return numbers.length;
    }

    /** Whether the i-th number is above 2^64 - 1 (then it is {@code big()[i]}). */
    public boolean isBig(int i) {
        return big != null && big[i] != null;
    }

    /** The i-th number as a BigInteger, whichever way it is held. */
    public BigInteger number(int i) {
        return isBig(i) ? big[i] : org.factorlab.core.Unsigned.toBigInteger(numbers[i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunk c && c.sequence == sequence && Arrays.equals(c.numbers, numbers)
                && Arrays.equals(c.big, big);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(numbers);
    }

    @Override
    public String toString() {
        return "Chunk[sequence=" + sequence + ", size=" + numbers.length + "]";
    }
}
