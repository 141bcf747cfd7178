package org.factorlab.core.primality;

import org.factorlab.core.Unsigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MillerRabin64Test {

    @Test
    void agreesWithSieveOnEveryValueBelow200000() {
        int limit = 200_000;
        boolean[] composite = new boolean[limit];
        for (int i = 2; (long) i * i < limit; i++) {
            for (int j = i * i; j < limit; j += i) {
                composite[j] = true;
            }
        }
        for (int n = 0; n < limit; n++) {
            boolean expected = n >= 2 && !composite[n];
            assertThat(MillerRabin64.isPrime(n)).as("n=%d", n).isEqualTo(expected);
        }
    }

    @Test
    void agreesWithBigIntegerOnRandomValuesOfEverySize() {
        SplittableRandom random = new SplittableRandom(2024);
        for (int bits = 10; bits <= 64; bits++) {
            for (int i = 0; i < 300; i++) {
                long n = bits == 64 ? random.nextLong() : random.nextLong() >>> (64 - bits);
                n |= 1; // odd values make primes frequent enough to matter
                BigInteger b = Unsigned.toBigInteger(n);
                assertThat(MillerRabin64.isPrime(n)).as("n=%s", b).isEqualTo(b.isProbablePrime(50));
            }
        }
    }

    @Test
    void recognisesRandomPrimesAndTheirProducts() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 500; i++) {
            BigInteger p = BigInteger.probablePrime(2 + random.nextInt(63), random);
            assertThat(MillerRabin64.isPrime(p.longValue())).as("p=%s", p).isTrue();
            BigInteger q = BigInteger.probablePrime(2 + random.nextInt(32), random);
            BigInteger product = p.multiply(q);
            if (Unsigned.fits(product)) {
                assertThat(MillerRabin64.isPrime(product.longValue())).as("pq=%s", product).isFalse();
            }
        }
    }

    /** Strong pseudoprimes to the first k prime bases (ψ_k), which a weaker base set would accept. */
    @ParameterizedTest
    @ValueSource(strings = {"2047", "1373653", "25326001", "3215031751", "2152302898747", "3474749660383",
            "341550071728321", "3825123056546413051"})
    void rejectsStrongPseudoprimes(String n) {
        assertThat(MillerRabin64.isPrime(new BigInteger(n).longValue())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 62745, 825265, 321197185,
            5394826801L, 232250619601L, 9746347772161L})
    void rejectsCarmichaelNumbers(long n) {
        assertThat(MillerRabin64.isPrime(n)).isFalse();
    }

    @Test
    void decidesValuesNear2To64() {
        assertThat(MillerRabin64.isPrime(new BigInteger("18446744073709551557").longValue())).isTrue();
        BigInteger top = Unsigned.MAX;
        for (int i = 0; i < 2_000; i++) {
            BigInteger n = top.subtract(BigInteger.valueOf(i));
            assertThat(MillerRabin64.isPrime(n.longValue())).as("n=%s", n).isEqualTo(n.isProbablePrime(50));
        }
        BigInteger half = BigInteger.ONE.shiftLeft(63);
        for (int i = -1_000; i < 1_000; i++) {
            BigInteger n = half.add(BigInteger.valueOf(i));
            assertThat(MillerRabin64.isPrime(n.longValue())).as("n=%s", n).isEqualTo(n.isProbablePrime(50));
        }
    }

    @Test
    void squaresOfPrimesNear2To32AreComposite() {
        BigInteger p = BigInteger.valueOf(4_294_967_291L); // largest prime below 2^32
        assertThat(MillerRabin64.isPrime(p.longValue())).isTrue();
        assertThat(MillerRabin64.isPrime(p.multiply(p).longValue())).isFalse();
    }
}
