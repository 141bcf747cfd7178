package org.factorlab.core.factor.siqs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Siqs.SmallProduct} against BigInteger's modPow on seeded random factors: small primes with
 * large exponents, large primes near 2^40 (double large primes), and factors near 2^62, where the
 * long accumulator must be flushed before every multiplication.
 */
class SmallProductTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithModPow(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BigInteger n = new BigInteger(60 + random.nextInt(200), new java.util.Random(seed)).setBit(0).setBit(59);
        Siqs.SmallProduct product = new Siqs.SmallProduct(n);
        BigInteger expected = BigInteger.ONE;
        for (int k = 0; k < 300; k++) {
            long p = switch (k % 3) {
                case 0 -> 2 + random.nextInt(10_000);
                case 1 -> (1L << 40) - random.nextInt(1 << 20);
                default -> (1L << 62) + random.nextLong(1L << 61);
            };
            int e = k % 3 == 0 ? random.nextInt(40) : random.nextInt(3);
            product.multiply(p, e);
            expected = expected.multiply(BigInteger.valueOf(p).modPow(BigInteger.valueOf(e), n)).mod(n);
            if (k % 10 == 0) { // residues below n mixed in, as the square root step's y values
                BigInteger y = new BigInteger(n.bitLength() + 4, new java.util.Random(seed * 1000 + k)).mod(n);
                product.multiply(y);
                expected = expected.multiply(y).mod(n);
            }
        }
        assertThat(product.value()).isEqualTo(expected);
        // value() may be called again and the product continued
        product.multiply(3, 5);
        assertThat(product.value()).isEqualTo(expected.multiply(BigInteger.valueOf(243)).mod(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void emptyProductIsOne(int e) {
        Siqs.SmallProduct product = new Siqs.SmallProduct(BigInteger.valueOf(1_000_003));
        product.multiply(17, 0);
        assertThat(product.value()).isEqualTo(BigInteger.ONE);
        product.multiply(1, e);
        assertThat(product.value()).isEqualTo(BigInteger.ONE);
    }
}
