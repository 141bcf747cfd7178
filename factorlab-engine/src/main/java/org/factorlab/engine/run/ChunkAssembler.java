package org.factorlab.engine.run;

import org.factorlab.engine.io.NumberSyntax;
import org.factorlab.engine.work.Chunk;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Turns tokens into chunks: each token is parsed ({@link NumberSyntax}), an invalid one is reported on
 * the error stream at once ({@code factorlab: 'TOKEN' is not a valid positive integer}) and counted,
 * a valid one is appended to the chunk being built. Shared by the standard-input and command-line
 * suppliers so both treat tokens exactly alike. Not thread-safe.
 */
final class ChunkAssembler {
    /**
     * Numbers above 2^64 per chunk at most: each takes milliseconds to seconds (against microseconds
     * below 2^64), so a chunk of a thousand would leave the other workers idle while one works
     * through it. Small chunks of big numbers keep every core busy; the output is the same.
     */
    static final int MAX_BIG_PER_CHUNK = 8;

    private final PrintStream err;
    private final int chunkSize;
    private final long[] value = new long[1];
    private long[] numbers;
    private BigInteger[] big;
    private int size;
    private int bigCount;
    private long sequence;
    private long invalid;

    ChunkAssembler(PrintStream err, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1: " + chunkSize);
        }
        this.err = err;
        this.chunkSize = chunkSize;
        this.numbers = new long[chunkSize];
    }

    /** Adds the token {@code bytes[0..length)}, or reports it if it is not a valid positive integer. */
    void add(byte[] bytes, int length) {
        int kind = NumberSyntax.parseUnsigned(bytes, length, value);
        if (kind == NumberSyntax.INVALID) {
            invalid++;
            err.println("factorlab: " + NumberSyntax.quote(bytes, length) + " is not a valid positive integer");
            return;
        }
        if (kind == NumberSyntax.TOO_BIG) {
            if (big == null) {
                big = new BigInteger[chunkSize];
            }
            big[size] = NumberSyntax.parseBig(bytes, length);
            bigCount++;
        } else {
            numbers[size] = value[0];
        }
        size++;
    }

    boolean full() {
        return size == chunkSize || bigCount == MAX_BIG_PER_CHUNK;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The chunk built so far (numbered in order), or {@code null} if it is empty; starts a new one. */
    Chunk take() {
        if (size == 0) {
            return null;
        }
        long[] n = size == chunkSize ? numbers : Arrays.copyOf(numbers, size);
        BigInteger[] b = big == null ? null : size == chunkSize ? big : Arrays.copyOf(big, size);
        Chunk chunk = new Chunk(sequence++, n, b);
        numbers = new long[chunkSize];
        big = null;
        size = 0;
        bigCount = 0;
        return chunk;
    }

    long invalid() {
        return invalid;
    }
}
