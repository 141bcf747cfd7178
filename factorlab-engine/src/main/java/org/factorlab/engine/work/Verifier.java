package org.factorlab.engine.work;

import org.factorlab.core.Factorization;
import org.factorlab.core.primality.Primality;

import java.math.BigInteger;

/**
 * Checks a factorization independently of the algorithm that produced it ({@code --verify}): the
 * product of the factors equals the number, and every factor is prime.
 *
 * <p>Primality is proven for factors below 2^64 (deterministic Miller–Rabin) and rests on the BPSW
 * probable-prime test above, for which no counterexample is known.
 */
public final class Verifier {
    private Verifier() {
    }

    /** Checks the fast path's result: {@code n} and {@code f[0..k)} read as unsigned. */
    public static boolean check(long n, long[] f, int k) {
        if (Long.compareUnsigned(n, 1) <= 0) {
            return k == 0;
        }
        long product = 1;
        for (int i = 0; i < k; i++) {
            if (!Primality.isPrime(f[i])) {
                return false;
            }
            if (Math.unsignedMultiplyHigh(product, f[i]) != 0) {
                return false; // the product already exceeds 64 bits, so it cannot equal n
            }
            product *= f[i];
        }
        return product == n;
    }

    /** Checks a factorization of any size. */
    public static boolean check(Factorization fz) {
        if (!fz.productMatches()) {
            return false;
        }
        for (BigInteger p : fz.factors()) {
            if (!Primality.isPrime(p)) {
                return false;
            }
        }
        return true;
    }
}
