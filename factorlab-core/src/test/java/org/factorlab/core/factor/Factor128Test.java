package org.factorlab.core.factor;

import org.factorlab.core.Factorization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Factor128Test {

    private static void check(BigInteger n, List<BigInteger> expectedPrimes) {
        List<BigInteger> expected = new ArrayList<>(expectedPrimes);
        Collections.sort(expected);
        List<BigInteger> factors = Factor128.factor(n);
        assertThat(factors).as("factors of %s", n).isEqualTo(expected);
    }

    private static void checkComplete(BigInteger n) {
        List<BigInteger> factors = Factor128.factor(n);
        FactorAssertions.assertCompleteFactorization(n, new Factorization(n, factors));
    }

    /** p·q with p of {@code bits} bits and q filling up to 100..127 bits. */
    static IntStream smallerFactorBits() {
        return IntStream.rangeClosed(20, 63);
    }

    @ParameterizedTest
    @MethodSource("smallerFactorBits")
    void semiprimes(int bits) {
        Random random = new Random(bits);
        for (int t = 0; t < 2; t++) {
            BigInteger p = BigInteger.probablePrime(bits, random);
            // The smaller prime stays at most 46 bits (ECM seconds beyond); the product 84..127 bits.
            int qBits = bits <= 44 ? 127 - bits - random.nextInt(20) : 20 + random.nextInt(Math.min(27, 128 - bits - 20));
            BigInteger q = BigInteger.probablePrime(qBits, random);
            check(p.multiply(q), List.of(p, q));
        }
    }

    @Test
    void squaresCubesAndHigherPowers() {
        Random random = new Random(2);
        for (int bits = 33; bits <= 63; bits += 3) {
            BigInteger p = BigInteger.probablePrime(bits, random);
            check(p.pow(2), List.of(p, p));
        }
        for (int bits = 22; bits <= 42; bits += 4) {
            BigInteger p = BigInteger.probablePrime(bits, random);
            check(p.pow(3), List.of(p, p, p));
        }
        BigInteger p = BigInteger.probablePrime(18, random);
        check(p.pow(5), List.of(p, p, p, p, p));
        BigInteger q = BigInteger.probablePrime(17, random);
        check(q.pow(7), Collections.nCopies(7, q));
        BigInteger three = BigInteger.valueOf(3);
        check(three.pow(80), Collections.nCopies(80, three));
        check(BigInteger.ONE.shiftLeft(126), Collections.nCopies(126, BigInteger.TWO));
    }

    @Test
    void squareTimesPrime() {
        Random random = new Random(3);
        for (int bits = 24; bits <= 36; bits += 6) {
            BigInteger p = BigInteger.probablePrime(bits, random);
            BigInteger q = BigInteger.probablePrime(120 - 2 * bits, random);
            check(p.pow(2).multiply(q), List.of(p, p, q));
            BigInteger r = BigInteger.probablePrime((125 - bits) / 2, random);
            check(r.pow(2).multiply(p), List.of(p, r, r));
        }
    }

    @Test
    void manySmallFactors() {
        Random random = new Random(4);
        for (int t = 0; t < 40; t++) {
            List<BigInteger> primes = new ArrayList<>();
            BigInteger n = BigInteger.ONE;
            while (true) {
                BigInteger p = BigInteger.probablePrime(2 + random.nextInt(t % 2 == 0 ? 14 : 30), random);
                if (n.multiply(p).bitLength() > 127) {
                    break;
                }
                n = n.multiply(p);
                primes.add(p);
            }
            check(n, primes);
        }
    }

    @Test
    void threeMediumPrimes() {
        Random random = new Random(5);
        for (int t = 0; t < 8; t++) {
            BigInteger a = BigInteger.probablePrime(30 + random.nextInt(10), random);
            BigInteger b = BigInteger.probablePrime(30 + random.nextInt(10), random);
            BigInteger c = BigInteger.probablePrime(40, random);
            check(a.multiply(b).multiply(c), List.of(a, b, c));
        }
    }

    static Stream<Integer> exponents() {
        return IntStream.rangeClosed(65, 126).boxed();
    }

    /** 2^k ± 1: cross-checked against the BigInteger path of AutoFactorizer (k ≤ 100, fast ones). */
    @ParameterizedTest
    @MethodSource("exponents")
    void twoToTheKPlusMinusOne(int k) {
        for (int sign : new int[] {-1, 1}) {
            BigInteger n = BigInteger.ONE.shiftLeft(k).add(BigInteger.valueOf(sign));
            if (n.bitLength() > 127) {
                continue;
            }
            checkComplete(n);
        }
    }

    /** 60 consecutive 96-bit numbers against GNU factor, when it is installed. */
    @Test
    void consecutive96BitNumbersAgreeWithGnuFactor() throws Exception {
        BigInteger start = new BigInteger("39614081257132168796771975168");
        List<BigInteger> numbers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            numbers.add(start.add(BigInteger.valueOf(i)));
        }
        List<List<BigInteger>> gnu = GnuFactor.factor(numbers);
        org.junit.jupiter.api.Assumptions.assumeTrue(gnu != null, "GNU factor not available");
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(Factor128.factor(numbers.get(i))).as("%s", numbers.get(i)).isEqualTo(gnu.get(i));
        }
    }

    @Test
    void splitReturnsProperDivisors() {
        Random random = new Random(6);
        for (int bits = 20; bits <= 44; bits += 4) {
            BigInteger p = BigInteger.probablePrime(bits, random);
            BigInteger q = BigInteger.probablePrime(120 - bits, random);
            BigInteger n = p.multiply(q);
            BigInteger f = Factor128.split(n);
            assertThat(f).isIn(p, q);
        }
        assertThat(Factor128.split(BigInteger.valueOf(91))).isEqualTo(BigInteger.valueOf(7));
        BigInteger n = BigInteger.ONE.shiftLeft(100).add(BigInteger.ONE);
        BigInteger f = Factor128.split(n);
        assertThat(n.mod(f).signum()).isZero();
        assertThat(f).isNotIn(BigInteger.ONE, n);
        assertThatThrownBy(() -> Factor128.split(BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interruptedThreadCancelsTheSearch() {
        Random random = new Random(7);
        BigInteger n = BigInteger.probablePrime(44, random).multiply(BigInteger.probablePrime(50, random));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Factor128.factor(n)).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rangeAndSmallInputs() {
        assertThat(Factor128.fits(BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE))).isTrue();
        assertThat(Factor128.fits(BigInteger.ONE.shiftLeft(127))).isFalse();
        assertThat(Factor128.fits(BigInteger.ZERO)).isFalse();
        assertThat(Factor128.factor(BigInteger.ONE)).isEmpty();
        check(BigInteger.valueOf(1_000_000_007L * 998_244_353L), List.of(BigInteger.valueOf(998_244_353L),
                BigInteger.valueOf(1_000_000_007L)));
        assertThatThrownBy(() -> Factor128.factor(BigInteger.ONE.shiftLeft(127)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
