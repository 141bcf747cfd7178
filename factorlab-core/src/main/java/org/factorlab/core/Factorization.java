package org.factorlab.core;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The prime factorization of one non-negative integer: its prime factors in ascending order, each
 * repeated as often as it divides the number.
 *
 * <p>By convention (and as GNU {@code factor} prints them) {@code 0} and {@code 1} have no factors.
 * The record does not check primality (that is {@link org.factorlab.core.primality.Primality}'s
 * job, used by {@code --verify}); it does check the cheap invariants: the factors are ascending and
 * each is at least 2.
 *
 * <pre>{@code
 * Factorization f = Algorithm.AUTO.factorizer().factor(BigInteger.valueOf(12));
 * f.factors();        // [2, 2, 3]
 * f.productMatches(); // true
 * }</pre>
 *
 * @param number  the factored number, never negative
 * @param factors its prime factors, ascending, with multiplicity; immutable
 */
public record Factorization(BigInteger number, List<BigInteger> factors) {

    public Factorization {
        Objects.requireNonNull(number, "number");
        if (number.signum() < 0) {
            throw new IllegalArgumentException("negative number: " + number);
        }
        factors = List.copyOf(factors);
        BigInteger previous = BigInteger.TWO;
        for (BigInteger f : factors) {
            if (f.compareTo(previous) < 0) {
                throw new IllegalArgumentException("factors of " + number + " not ascending or < 2: " + factors);
            }
            previous = f;
        }
    }

    /**
     * Builds a factorization from the fast path's output: {@code count} unsigned 64-bit factors.
     *
     * @param n       the number, read as unsigned
     * @param factors the factors, read as unsigned, ascending
     * @param count   how many entries of {@code factors} are used
     */
    public static Factorization ofUnsigned(long n, long[] factors, int count) {
        BigInteger[] list = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            list[i] = Unsigned.toBigInteger(factors[i]);
        }
        return new Factorization(Unsigned.toBigInteger(n), List.of(list));
    }

    /** Whether the product of the factors equals the number (0 and 1 have the empty product by convention). */
    public boolean productMatches() {
        if (number.compareTo(BigInteger.ONE) <= 0) {
            return factors.isEmpty();
        }
        BigInteger product = BigInteger.ONE;
        for (BigInteger f : factors) {
            product = product.multiply(f);
        }
        return product.equals(number);
    }
}
