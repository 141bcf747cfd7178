package org.factorlab.core.primality;

import org.factorlab.core.Unsigned;

import java.math.BigInteger;

/**
 * Primality of integers of any size: the one entry point the factoring code and {@code --verify} use.
 *
 * <p><b>Guarantee.</b> For values that fit in 64 unsigned bits the answer is proven
 * ({@link MillerRabin64}, deterministic bases). Above 2^64 it is the Baillie–PSW probable-prime test
 * ({@link Bpsw}): primes are always recognised, and no composite that passes is known, but none is
 * proven impossible. Stateless and thread-safe.
 */
public final class Primality {

    private Primality() {
    }

    /** Whether {@code n} is prime; negative numbers, 0 and 1 are not. */
    public static boolean isPrime(BigInteger n) {
        if (n.signum() <= 0) {
            return false;
        }
        if (Unsigned.fits(n)) {
            return MillerRabin64.isPrime(n.longValue());
        }
        return Bpsw.isProbablePrime(n);
    }

    /** Whether the unsigned 64-bit value {@code n} is prime (proven). */
    public static boolean isPrime(long n) {
        return MillerRabin64.isPrime(n);
    }
}
