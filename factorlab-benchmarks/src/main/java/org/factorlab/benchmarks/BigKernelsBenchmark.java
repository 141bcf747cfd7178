package org.factorlab.benchmarks;

import org.factorlab.core.factor.Ecm;
import org.factorlab.core.factor.Factor128;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kernels beyond 64 bits, one thread each: {@link Factor128} on 100 consecutive 96-bit numbers
 * (per number) and on products of two 40-bit primes; one ECM curve at B1 = 2000 on a 60-digit
 * number (per curve). SIQS is in {@link SiqsBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BigKernelsBenchmark {
    private static final int CONSECUTIVE = 100;
    private static final int SEMIPRIMES = 8;

    private BigInteger[] consecutive;
    private BigInteger[] semi80;
    private BigInteger ecmInput;
    private long sigma = 6;

    @Setup
    public void setUp() {
        BigInteger start = BigInteger.ONE.shiftLeft(95).add(BigInteger.valueOf(12345));
        consecutive = new BigInteger[CONSECUTIVE];
        for (int i = 0; i < CONSECUTIVE; i++) {
            consecutive[i] = start.add(BigInteger.valueOf(i));
        }
        semi80 = Inputs.semiprimes(80, SEMIPRIMES, 1);
        ecmInput = Inputs.semiprimes(200, 1, 1)[0];
    }

    /** Full factorization of consecutive 96-bit numbers (per number). */
    @Benchmark
    @OperationsPerInvocation(CONSECUTIVE)
    public int factor128Consecutive96() {
        int count = 0;
        for (BigInteger n : consecutive) {
            List<BigInteger> f = Factor128.factor(n);
            count += f.size();
        }
        return count;
    }

    /** Products of two 40-bit primes (per number). */
    @Benchmark
    @OperationsPerInvocation(SEMIPRIMES)
    public int factor128Semiprime80() {
        int count = 0;
        for (BigInteger n : semi80) {
            count += Factor128.factor(n).size();
        }
        return count;
    }

    /** One ECM curve, stage 1 and 2, at B1 = 2000, B2 = 200,000 on a 60-digit number. */
    @Benchmark
    public BigInteger ecmCurveB1x2000() {
        return Ecm.factor(ecmInput, 2000, 200_000, 1, sigma++);
    }
}
