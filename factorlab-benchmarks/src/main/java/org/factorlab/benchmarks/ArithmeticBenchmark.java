package org.factorlab.benchmarks;

import org.factorlab.core.arith.Montgomery64;
import org.factorlab.core.primality.MillerRabin64;
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

import java.util.concurrent.TimeUnit;

/**
 * The arithmetic under everything: a dependent chain of Montgomery multiplications modulo a 63-bit
 * odd number (latency per multiplication), and the deterministic 64-bit primality test on random odd
 * 64-bit numbers (mostly composites, rejected by the first base) and on primes (all bases).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArithmeticBenchmark {
    private static final int CHAIN = 1000;

    private long n;
    private long nInv;
    private long x;
    private long[] odd;
    private long[] primes;

    @Setup
    public void setUp() {
        n = 0x7FFF_FFFF_FFFF_FFE7L; // a 63-bit prime
        nInv = Montgomery64.inverse(n);
        x = Montgomery64.one(n) * 3 % n;
        odd = Inputs.bits(64, Inputs.BATCH, 2);
        for (int i = 0; i < odd.length; i++) {
            odd[i] |= 1;
        }
        primes = new long[Inputs.BATCH];
        long p = -59L; // 2^64 - 59 is prime; walk down through the primes below it
        for (int i = 0; i < primes.length; i++) {
            primes[i] = p;
            do {
                p -= 2;
            } while (!MillerRabin64.isPrime(p));
        }
    }

    /** Latency of one Montgomery multiplication (a dependent chain). */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public long montgomeryMul() {
        long y = x;
        for (int i = 0; i < CHAIN; i++) {
            y = Montgomery64.mul(y, x, n, nInv);
        }
        return y;
    }

    /** Primality of random odd 64-bit numbers. */
    @Benchmark
    @OperationsPerInvocation(Inputs.BATCH)
    public int isPrimeRandomOdd() {
        int count = 0;
        for (long v : odd) {
            if (MillerRabin64.isPrime(v)) {
                count++;
            }
        }
        return count;
    }

    /** Primality of 64-bit primes (the worst case: every base is tried). */
    @Benchmark
    @OperationsPerInvocation(Inputs.BATCH)
    public int isPrimePrimes() {
        int count = 0;
        for (long v : primes) {
            if (MillerRabin64.isPrime(v)) {
                count++;
            }
        }
        return count;
    }
}
