package org.factorlab.benchmarks;

import org.factorlab.core.Factorizer;
import org.factorlab.core.factor.AutoFactorizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The whole 64-bit path ({@link AutoFactorizer#factor(long, long[])}) per input class: average time
 * per number over a fixed seeded batch. {@code shape}: {@code random64} uniform 64-bit numbers,
 * {@code below32} uniform below 2^32 (31..32 bits), {@code semi64} products of two 32-bit primes,
 * {@code semi48} of two 24-bit primes, {@code semi40} of two 20-bit primes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Factor64Benchmark {

    @Param({"random64", "below32", "semi64", "semi48", "semi40"})
    public String shape;

    private final Factorizer factorizer = new AutoFactorizer();
    private final long[] out = new long[64];
    private long[] numbers;

    @Setup
    public void setUp() {
        numbers = switch (shape) {
            case "random64" -> Inputs.bits(64, Inputs.BATCH, 1);
            case "below32" -> Inputs.bits(32, Inputs.BATCH, 1);
            case "semi64" -> Inputs.semiprimes64(64, Inputs.BATCH, 1);
            case "semi48" -> Inputs.semiprimes64(48, Inputs.BATCH, 1);
            case "semi40" -> Inputs.semiprimes64(40, Inputs.BATCH, 1);
            default -> throw new IllegalArgumentException(shape);
        };
    }

    /** Time per number (the batch divided by its size). */
    @Benchmark
    @OperationsPerInvocation(Inputs.BATCH)
    public long factor() {
        long sum = 0;
        for (long n : numbers) {
            int k = factorizer.factor(n, out);
            sum += out[k - 1];
        }
        return sum;
    }
}
