package org.factorlab.engine.bench;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;

/**
 * A named workload for {@code bench}: random numbers and the algorithm that factors them.
 *
 * @param name        short name used in tables and exports ({@code seed}, {@code cpu})
 * @param description one line for the report
 * @param numbers     the numbers (a pure function of seed and index, so every model gets the same)
 * @param algorithm   the factoring algorithm
 */
public record BenchWorkload(String name, String description, RandomWorkload numbers, Algorithm algorithm) {

    /** The seed's experiment: 10,000 numbers in [20000, 10^8] by trial division. */
    public static BenchWorkload seed() {
        return new BenchWorkload("seed", "the seed experiment: 10,000 numbers in [20000, 10^8], trial division",
                new RandomWorkload(1, 10_000, 20_000, 100_000_000), Algorithm.TRIAL);
    }

    /** CPU-bound: {@code count} numbers in [20000, 10^8] by trial division (350,000 take about 2 s here). */
    public static BenchWorkload cpu(long count) {
        return new BenchWorkload("cpu", String.format("CPU-bound: %,d numbers in [20000, 10^8], trial division", count),
                new RandomWorkload(2, count, 20_000, 100_000_000), Algorithm.TRIAL);
    }
}
