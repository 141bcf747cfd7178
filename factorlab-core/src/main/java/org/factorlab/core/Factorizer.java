package org.factorlab.core;

import java.math.BigInteger;

/**
 * Factors integers into primes. Obtain one from {@link Algorithm#factorizer()}.
 *
 * <p><b>Guarantees.</b> Implementations are stateless and thread-safe: one instance may be used by
 * any number of threads at once. The factors found are exact; primality of factors above 2^64 rests
 * on the BPSW test, for which no counterexample is known. Factors come out ascending, with
 * multiplicity; 0 and 1 have none.
 *
 * <p><b>Cancellation.</b> Long work checks the calling thread's interrupt flag and, once it is set,
 * throws {@link java.util.concurrent.CancellationException} promptly (within milliseconds), leaving the
 * flag set.
 *
 * <pre>{@code
 * Factorizer f = Algorithm.AUTO.factorizer();
 * long[] out = new long[64];
 * int k = f.factor(600851475143L, out);   // out[0..k) = 71, 839, 1471, 6857
 * }</pre>
 */
public interface Factorizer {

    /**
     * Factors an unsigned 64-bit value without allocating (the fast path).
     *
     * @param n   the number, read as unsigned (so {@code -1L} means 2^64 - 1)
     * @param out receives the prime factors, unsigned, ascending; must hold at least 64 entries
     * @return how many factors were written
     */
    int factor(long n, long[] out);

    /**
     * Factors any non-negative integer.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    Factorization factor(BigInteger n);
}
