package org.factorlab.core.workload;

/**
 * The seed experiment's input: {@code count} integers drawn uniformly from {@code [min, max]}, where
 * the i-th number is a pure function of the seed and i.
 *
 * <p>Because no generator state is carried from one number to the next, any worker can compute any
 * slice of the workload on its own, in any order, in this JVM or another, and every execution model
 * and worker count sees exactly the same numbers.
 *
 * <p><b>How.</b> Each index is hashed with the SplitMix64 finaliser (Steele, Lea, Flood: "Fast
 * splittable pseudorandom number generators", OOPSLA 2014) keyed by the seed; the 64-bit hash is
 * mapped onto the range by Lemire's multiply-shift ("Fast random integer generation in an interval",
 * ACM TOMACS 2019), re-hashing on the rare rejected values so the result is exactly uniform.
 * Cost: a few multiplications per number.
 *
 * <pre>{@code
 * RandomWorkload w = new RandomWorkload(42, 10_000, 20_000, 100_000_000);
 * long first = w.number(0);   // the same on every machine, model and worker count
 * }</pre>
 *
 * @param seed  the seed; two workloads with the same parameters are identical
 * @param count how many numbers
 * @param min   the smallest value, unsigned
 * @param max   the largest value, unsigned, not below {@code min}
 */
public record RandomWorkload(long seed, long count, long min, long max) {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public RandomWorkload {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (Long.compareUnsigned(min, max) > 0) {
            throw new IllegalArgumentException("min " + Long.toUnsignedString(min)
                    + " is above max " + Long.toUnsignedString(max));
        }
    }

    /** The {@code index}-th number (0-based), unsigned. */
    public long number(long index) {
        long span = max - min + 1; // 0 means the whole 64-bit range
        long h = mix(seed + GOLDEN * (index + 1));
        if (span == 0) {
            return h;
        }
        // Lemire: the high word of h * span is uniform in [0, span) once the low word passes the threshold
        long lo = h * span;
        if (Long.compareUnsigned(lo, span) < 0) {
            long threshold = Long.remainderUnsigned(-span, span);
            while (Long.compareUnsigned(lo, threshold) < 0) {
                h = mix(h + GOLDEN);
                lo = h * span;
            }
        }
        return min + Math.unsignedMultiplyHigh(h, span);
    }

    /** SplitMix64's finaliser: a bijection on 64-bit values with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
