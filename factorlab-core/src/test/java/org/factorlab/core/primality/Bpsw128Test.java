package org.factorlab.core.primality;

import org.factorlab.core.arith.Montgomery128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class Bpsw128Test {

    /** The first strong pseudoprimes to base 2 (OEIS A001262). */
    private static final long[] STRONG_PSEUDOPRIMES_BASE_2 = {
            2047, 3277, 4033, 4681, 8321, 15841, 29341, 42799, 49141, 52633, 65281, 74665, 80581, 85489,
            88357, 90751, 104653, 130561, 196093, 220729, 233017, 252601, 253241, 256999, 271951};

    static IntStream bitSizes() {
        return IntStream.rangeClosed(2, 127);
    }

    private static boolean expected(BigInteger n) {
        return n.isProbablePrime(50);
    }

    @ParameterizedTest
    @MethodSource("bitSizes")
    void agreesWithBigIntegerOnRandomOddNumbers(int bits) {
        SplittableRandom random = new SplittableRandom(bits);
        for (int i = 0; i < 20; i++) {
            BigInteger n = new BigInteger(bits, new Random(random.nextLong())).setBit(bits - 1).setBit(0);
            assertThat(Bpsw128.isProbablePrime(n)).as("%s", n).isEqualTo(expected(n));
        }
    }

    @ParameterizedTest
    @MethodSource("bitSizes")
    void acceptsPrimesAndRejectsTheirProducts(int bits) {
        if (bits < 3) {
            return;
        }
        Random random = new Random(1000 + bits);
        for (int i = 0; i < 1; i++) {
            BigInteger p = BigInteger.probablePrime(bits, random);
            assertThat(Bpsw128.isProbablePrime(p)).as("%s", p).isTrue();
            assertThat(Bpsw.isProbablePrime(p)).isTrue();
            BigInteger q = BigInteger.probablePrime(Math.max(2, 127 - bits), random);
            BigInteger n = p.multiply(q);
            if (n.bitLength() <= 127) {
                assertThat(Bpsw128.isProbablePrime(n)).as("%s", n).isFalse();
            }
            BigInteger square = p.multiply(p);
            if (square.bitLength() <= 127) {
                assertThat(Bpsw128.isProbablePrime(square)).as("%s", square).isFalse();
            }
        }
    }

    @Test
    void rejectsStrongPseudoprimesToBase2() {
        for (long n : STRONG_PSEUDOPRIMES_BASE_2) {
            Montgomery128 m = new Montgomery128(0, n);
            assertThat(Bpsw128.isStrongProbablePrimeBase2(m)).as("%d", n).isTrue();
            assertThat(Bpsw128.isProbablePrime(0, n)).as("%d", n).isFalse();
        }
    }

    /** 2^p − 1 with p prime is prime or a strong pseudoprime to base 2 (2^(n−1)/2 = 1 by Fermat). */
    static Stream<Integer> mersenneExponents() {
        return Stream.of(11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
                97, 101, 103, 107, 109, 113, 127);
    }

    @ParameterizedTest
    @MethodSource("mersenneExponents")
    void mersenneNumbers(int p) {
        BigInteger n = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
        Montgomery128 m = Montgomery128.of(n);
        assertThat(Bpsw128.isStrongProbablePrimeBase2(m)).isTrue();
        assertThat(Bpsw128.isProbablePrime(n)).as("2^%d − 1", p).isEqualTo(expected(n));
        assertThat(Bpsw128.isProbablePrime(n)).isEqualTo(Bpsw.isProbablePrime(n));
    }

    /** Chernick's Carmichael numbers (6k + 1)(12k + 1)(18k + 1) of 70 to 127 bits. */
    @Test
    void rejectsCarmichaelNumbers() {
        List<BigInteger> found = new ArrayList<>();
        for (long k = 1L << 21; found.size() < 40; k++) {
            BigInteger a = BigInteger.valueOf(6 * k + 1);
            BigInteger b = BigInteger.valueOf(12 * k + 1);
            BigInteger c = BigInteger.valueOf(18 * k + 1);
            if (a.isProbablePrime(30) && b.isProbablePrime(30) && c.isProbablePrime(30)) {
                found.add(a.multiply(b).multiply(c));
                k += k >>> 3; // spread the sizes up to 127 bits
            }
            if (k > (1L << 39)) {
                break;
            }
        }
        assertThat(found).hasSizeGreaterThan(20);
        for (BigInteger n : found) {
            if (n.bitLength() > 127) {
                continue;
            }
            BigInteger base = BigInteger.TWO.modPow(n.subtract(BigInteger.ONE), n);
            assertThat(base).isEqualTo(BigInteger.ONE); // Fermat pseudoprime to base 2
            assertThat(Bpsw128.isProbablePrime(n)).as("%s", n).isFalse();
        }
    }

    @Test
    void smallValues() {
        for (int n = 0; n < 1000; n++) {
            assertThat(Bpsw128.isProbablePrime(0, n)).as("%d", n).isEqualTo(expected(BigInteger.valueOf(n)));
        }
    }

    @Test
    void perfectSquares() {
        assertThat(Bpsw128.isSquare(0, 49)).isTrue();
        BigInteger p = new BigInteger("18446744073709551557");
        BigInteger sq = p.multiply(p);
        assertThat(Bpsw128.isSquare(sq.shiftRight(64).longValue(), sq.longValue())).isTrue();
        BigInteger notSq = sq.add(BigInteger.TWO.multiply(p)); // (p+1)^2 − 1
        assertThat(Bpsw128.isSquare(notSq.shiftRight(64).longValue(), notSq.longValue())).isFalse();
    }
}
