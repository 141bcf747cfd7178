package org.factorlab.benchmarks;

import org.factorlab.core.factor.siqs.Siqs;
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

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;

/** SIQS on one thread, per balanced semiprime of {@code bits} bits (100 bits: 30 digits; 132: 40). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SiqsBenchmark {
    private static final int COUNT = 2;

    @Param({"100", "132"})
    public int bits;

    private BigInteger[] numbers;

    @Setup
    public void setUp() {
        numbers = Inputs.semiprimes(bits, COUNT, 1);
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public BigInteger factor() {
        BigInteger last = null;
        for (BigInteger n : numbers) {
            last = Siqs.factor(n);
        }
        return last;
    }
}
