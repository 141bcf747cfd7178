package org.factorlab.benchmarks;

import org.factorlab.core.workload.BitsWorkload;
import org.factorlab.core.workload.SemiprimeWorkload;

import java.math.BigInteger;

/** The benchmarks' inputs: the same seeded generators as {@code factorlab gen}, so runs are comparable. */
final class Inputs {
    /** Numbers per benchmark invocation (each invocation walks the whole array). */
    static final int BATCH = 1024;

    private Inputs() {
    }

    /** {@code count} uniform numbers of exactly {@code bits} bits (bits ≤ 64), as unsigned longs. */
    static long[] bits(int bits, int count, long seed) {
        BitsWorkload w = new BitsWorkload(seed, count, bits);
        long[] a = new long[count];
        for (int i = 0; i < count; i++) {
            a[i] = w.number64(i);
        }
        return a;
    }

    /** {@code count} products of two primes of {@code bits/2} bits (bits ≤ 64), as unsigned longs. */
    static long[] semiprimes64(int bits, int count, long seed) {
        SemiprimeWorkload w = new SemiprimeWorkload(seed, count, bits);
        long[] a = new long[count];
        for (int i = 0; i < count; i++) {
            a[i] = w.number64(i);
        }
        return a;
    }

    /** {@code count} products of two primes of {@code bits/2} bits. */
    static BigInteger[] semiprimes(int bits, int count, long seed) {
        SemiprimeWorkload w = new SemiprimeWorkload(seed, count, bits);
        BigInteger[] a = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            a[i] = w.number(i);
        }
        return a;
    }
}
