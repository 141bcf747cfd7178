package org.factorlab.core.workload;

import java.math.BigInteger;

/**
 * The random bits behind one number of a workload: a SplitMix64 sequence whose start is a hash of
 * (seed, index), so that every number is a pure function of the seed and its index, however many bits
 * it needs.
 *
 * <p>SplitMix64 (Steele, Lea, Flood, OOPSLA 2014) adds the golden-ratio constant to a 64-bit state and
 * returns the state passed through {@link RandomWorkload#mix}. The streams of two indices start at
 * hashed, hence scattered, points of that one Weyl sequence, so they overlap only with negligible
 * probability for the few words a number uses.
 *
 * <p>Not thread-safe: one is made, used and dropped inside a single {@code number(index)} call.
 */
final class SplitMix64Stream {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64Stream(long seed, long index) {
        state = RandomWorkload.mix(seed + GOLDEN * (index + 1));
    }

    long nextLong() {
        state += GOLDEN;
        return RandomWorkload.mix(state);
    }

    /** A uniform value in {@code [0, 2^bits)}; {@code bits} ≥ 1. */
    BigInteger nextBits(int bits) {
        int words = (bits + 63) / 64;
        byte[] bytes = new byte[words * 8 + 1]; // a leading zero byte keeps the value non-negative
        for (int w = 0; w < words; w++) {
            long x = nextLong();
            for (int b = 0; b < 8; b++) {
                bytes[1 + w * 8 + b] = (byte) (x >>> (56 - 8 * b));
            }
        }
        BigInteger all = new BigInteger(bytes);
        int extra = words * 64 - bits;
        return extra == 0 ? all : all.shiftRight(extra); // keep the top bits, as the 64-bit paths do
    }
}
