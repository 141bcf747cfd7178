package org.factorlab.core.primality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BpswTest {

    @Test
    void agreesWithBigIntegerOnRandomOddValues() {
        Random random = new Random(99);
        for (int i = 0; i < 3_000; i++) {
            int bits = 2 + random.nextInt(300);
            BigInteger n = new BigInteger(bits, random).setBit(0);
            assertThat(Bpsw.isProbablePrime(n)).as("n=%s", n).isEqualTo(n.isProbablePrime(50));
        }
    }

    @Test
    void acceptsRandomPrimesAndRejectsTheirProducts() {
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            BigInteger p = BigInteger.probablePrime(2 + random.nextInt(400), random);
            BigInteger q = BigInteger.probablePrime(2 + random.nextInt(200), random);
            assertThat(Bpsw.isProbablePrime(p)).as("p=%s", p).isTrue();
            assertThat(Bpsw.isProbablePrime(p.multiply(q))).as("pq=%s", p.multiply(q)).isFalse();
            assertThat(Bpsw.isProbablePrime(p.multiply(p))).as("p^2").isFalse();
        }
    }

    @Test
    void agreesWithSmallPrimeSieve() {
        int limit = 20_000;
        for (int n = 0; n < limit; n++) {
            assertThat(Bpsw.isProbablePrime(BigInteger.valueOf(n)))
                    .as("n=%d", n).isEqualTo(BigInteger.valueOf(n).isProbablePrime(60));
        }
    }

    /** Strong pseudoprimes to many bases: 3825123056546413051 (bases 2..23), ψ_12 (bases 2..37). */
    @ParameterizedTest
    @ValueSource(strings = {"3825123056546413051", "318665857834031151167461", "2047", "3277", "4033",
            "4681", "8321", "3215031751"})
    void rejectsStrongBase2Pseudoprimes(String value) {
        BigInteger n = new BigInteger(value);
        assertThat(Bpsw.isStrongProbablePrimeBase2(n)).as("the base-2 test alone is fooled").isTrue();
        assertThat(Bpsw.isProbablePrime(n)).isFalse();
        assertThat(Primality.isPrime(n)).isFalse();
    }

    /** Strong Lucas pseudoprimes with Selfridge's parameters (OEIS A217255): the Lucas half alone is fooled. */
    @ParameterizedTest
    @ValueSource(ints = {5459, 5777, 10877, 16109, 18971})
    void strongLucasPseudoprimesFoolOnlyTheLucasHalf(int value) {
        BigInteger n = BigInteger.valueOf(value);
        assertThat(n.isProbablePrime(50)).isFalse();
        assertThat(Bpsw.isStrongLucasProbablePrime(n)).isTrue();
        assertThat(Bpsw.isProbablePrime(n)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"561", "1105", "1729", "41041", "825265", "321197185", "5394826801",
            "232250619601", "9746347772161", "1436697831295441", "60977817398996785",
            "7156857700403137441", "1791562810662585767521"})
    void rejectsCarmichaelNumbers(String value) {
        assertThat(Bpsw.isProbablePrime(new BigInteger(value))).isFalse();
    }

    @Test
    void jacobiSymbolMatchesEulersCriterionForPrimes() {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            BigInteger p = BigInteger.probablePrime(20 + random.nextInt(80), random);
            for (long d : new long[]{5, -7, 9, -11, 13, -15, 17, -19, 21}) {
                BigInteger euler = BigInteger.valueOf(d).mod(p).modPow(p.shiftRight(1), p);
                int expected = euler.equals(BigInteger.ONE) ? 1 : euler.signum() == 0 ? 0 : -1;
                assertThat(Bpsw.jacobi(d, p)).as("(%d/%s)", d, p).isEqualTo(expected);
            }
        }
    }

    @Test
    void largeKnownPrimesAndNearMisses() {
        BigInteger m127 = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
        assertThat(Primality.isPrime(m127)).isTrue();
        assertThat(Primality.isPrime(m127.add(BigInteger.TWO))).isFalse();
        BigInteger f7 = BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE);
        assertThat(Primality.isPrime(f7)).isFalse();
        assertThat(Primality.isPrime(new BigInteger("5704689200685129054721"))).isTrue();
        assertThat(Primality.isPrime(BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE))).isTrue();
        assertThat(Primality.isPrime(BigInteger.ONE.shiftLeft(523).subtract(BigInteger.ONE))).isFalse();
    }

    @Test
    void primalityRoutesBothSizes() {
        assertThat(Primality.isPrime(BigInteger.valueOf(-7))).isFalse();
        assertThat(Primality.isPrime(BigInteger.ZERO)).isFalse();
        assertThat(Primality.isPrime(BigInteger.ONE)).isFalse();
        assertThat(Primality.isPrime(new BigInteger("18446744073709551557"))).isTrue();
        assertThat(Primality.isPrime(-59L)).isTrue(); // 2^64 - 59 read as unsigned
        assertThat(Primality.isPrime(new BigInteger("18446744073709551629"))).isTrue(); // least prime above 2^64
    }
}
