package org.factorlab.core.factor.siqs;

import java.io.Serializable;
import java.math.BigInteger;

/**
 * One relation {@code y^2 ≡ (−1)^e0 · ∏ p_i^{e_i} · L (mod kN)} found by the sieve.
 *
 * @param y          {@code Ax + B} for the polynomial and position that produced it
 * @param columns    the factorisation as a sorted list of column indices with multiplicity: column 0
 *                   is −1, column {@code i + 1} is factor-base prime {@code i}
 * @param largePrime 1 for a full relation, else a prime above the factor base (the smaller one of two)
 * @param secondLargePrime 1 unless the relation has two large primes (double large prime variation):
 *                   then the larger one, {@code largePrime ≤ secondLargePrime}
 */
public record Relation(BigInteger y, int[] columns, long largePrime, long secondLargePrime) implements Serializable {

    /** A full relation ({@code largePrime = 1}) or one with a single large prime. */
    public Relation(BigInteger y, int[] columns, long largePrime) {
        this(y, columns, largePrime, 1);
    }

    boolean isFull() {
        return largePrime == 1;
    }
}
