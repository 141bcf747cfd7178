package org.factorlab.core.factor;

import java.math.BigInteger;

/**
 * How one prime factor was found, for {@code factor -v}: the method that separated it from the rest
 * of the number and the time that step took.
 *
 * @param prime  a prime factor (one entry per occurrence)
 * @param method e.g. {@code "trial division"}, {@code "rho"}, {@code "ecm"}, {@code "siqs"},
 *               {@code "primality test"} (the number itself is prime)
 * @param nanos  the time of the step that found it (the whole split, shared by both pieces)
 */
public record FactorStep(BigInteger prime, String method, long nanos) {
}
