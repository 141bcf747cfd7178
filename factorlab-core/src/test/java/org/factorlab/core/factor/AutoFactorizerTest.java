package org.factorlab.core.factor;

import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorization;
import org.factorlab.core.Factorizer;
import org.factorlab.core.Unsigned;
import org.factorlab.core.primality.Primality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoFactorizerTest {

    private final Factorizer auto = Algorithm.AUTO.factorizer();
    private final long[] out = new long[64];

    private List<BigInteger> factor64(long n) {
        int k = auto.factor(n, out);
        List<BigInteger> f = FactorAssertions.assertCompleteFactorization(n, out, k);
        // The BigInteger entry point must give the same answer for the same value.
        assertThat(auto.factor(Unsigned.toBigInteger(n)).factors()).isEqualTo(f);
        return f;
    }

    private Factorization factorBig(BigInteger n) {
        Factorization f = auto.factor(n);
        FactorAssertions.assertCompleteFactorization(n, f);
        return f;
    }

    @Test
    void randomUnsigned64BitValuesFactorCompletely() {
        SplittableRandom random = new SplittableRandom(64);
        for (int i = 0; i < 5_000; i++) {
            long n = random.nextLong() >>> random.nextInt(8);
            int k = auto.factor(n, out);
            FactorAssertions.assertCompleteFactorization(n, out, k);
        }
    }

    /**
     * Trial division beyond 2^64: products of primes below 2^16 (repeated, and including the ends of
     * the range and of the 32-bit groups), times a prime of 65 to 120 bits or not, give exactly the
     * primes that were multiplied, whichever limb and group each falls in.
     */
    @Test
    void smallPrimesAreDividedOutOfBigNumbers() {
        int[] primes = PrimeSieve.primesUpTo(1 << 16);
        Random random = new Random(216);
        for (int t = 0; t < 300; t++) {
            List<BigInteger> expected = new ArrayList<>();
            BigInteger n = BigInteger.ONE;
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                int p = i == 0 && t % 3 == 0 ? primes[primes.length - 1] : i == 1 && t % 5 == 0 ? 3
                        : primes[1 + random.nextInt(primes.length - 1)];
                int e = 1 + random.nextInt(random.nextInt(8) == 0 ? 6 : 2);
                for (int k = 0; k < e; k++) {
                    expected.add(BigInteger.valueOf(p));
                    n = n.multiply(BigInteger.valueOf(p));
                }
            }
            if (t % 2 == 0) {
                BigInteger q = BigInteger.probablePrime(65 + random.nextInt(56), random);
                expected.add(q);
                n = n.multiply(q);
            }
            if (n.bitLength() <= 64) {
                n = n.multiply(BigInteger.valueOf(65_521)).multiply(BigInteger.valueOf(65_519)).multiply(BigInteger.valueOf(65_497));
                expected.addAll(List.of(BigInteger.valueOf(65_521), BigInteger.valueOf(65_519), BigInteger.valueOf(65_497)));
            }
            expected.sort(null);
            assertThat(factorBig(n).factors()).as("factors of %s", n).isEqualTo(expected);
            // and trial division alone finds every small one, leaving the large prime or 1
            List<BigInteger> small = new ArrayList<>();
            BigInteger rest = AutoFactorizer.trialDivide(n, small, true);
            small.add(rest);
            small.removeIf(BigInteger.ONE::equals);
            small.sort(null);
            assertThat(small).as("trial division of %s", n).isEqualTo(expected);
        }
    }

    @Test
    void randomValuesAbove2To64FactorCompletely() {
        Random random = new Random(100);
        for (int i = 0; i < 100; i++) {
            BigInteger n = new BigInteger(65 + random.nextInt(36), random);
            factorBig(n);
        }
    }

    @Test
    void productsOfTwoPrimesJustBelow2To32() {
        List<BigInteger> primes = new ArrayList<>();
        BigInteger p = BigInteger.ONE.shiftLeft(32);
        while (primes.size() < 12) {
            p = p.subtract(BigInteger.ONE);
            if (p.isProbablePrime(50)) {
                primes.add(p);
            }
        }
        for (int i = 0; i < primes.size(); i++) {
            for (int j = i; j < primes.size(); j++) {
                BigInteger n = primes.get(i).multiply(primes.get(j));
                List<BigInteger> f = factor64(n.longValue());
                assertThat(f).containsExactlyInAnyOrder(primes.get(i), primes.get(j));
            }
        }
    }

    @Test
    void randomSemiprimesOfTwo32BitPrimes() {
        Random random = new Random(3232);
        for (int i = 0; i < 200; i++) {
            BigInteger p = BigInteger.probablePrime(32, random);
            BigInteger q = BigInteger.probablePrime(32, random);
            assertThat(factor64(p.multiply(q).longValue())).containsExactlyInAnyOrder(p, q);
        }
    }

    @Test
    void squaresAndCubesOfPrimes() {
        Random random = new Random(23);
        for (int i = 0; i < 20; i++) {
            BigInteger p32 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.valueOf(random.nextInt(1 << 20))).nextProbablePrime();
            if (p32.bitLength() > 32) {
                continue;
            }
            BigInteger p21 = BigInteger.ONE.shiftLeft(21).subtract(BigInteger.valueOf(random.nextInt(1 << 16))).nextProbablePrime();
            assertThat(factor64(p32.pow(2).longValue())).containsExactly(p32, p32);
            assertThat(factor64(p21.pow(3).longValue())).containsExactly(p21, p21, p21);
            assertThat(factor64(p21.pow(2).longValue())).containsExactly(p21, p21);
            BigInteger p16 = BigInteger.valueOf(60_000 + 100L * i).nextProbablePrime(); // p^4 < 2^64
            assertThat(factor64(p16.pow(4).longValue())).containsExactly(p16, p16, p16, p16);
            // Squares and cubes of primes near 2^32 and 2^21 need the BigInteger path's perfect-power test.
            assertThat(factorBig(p32.pow(3)).factors()).containsExactly(p32, p32, p32);
            assertThat(factorBig(p21.pow(5)).factors()).containsOnly(p21).hasSize(5);
        }
        BigInteger largest21 = BigInteger.valueOf(2_642_245); // ⌊∛(2^64 − 1)⌋; step down to a prime
        while (!largest21.isProbablePrime(50)) {
            largest21 = largest21.subtract(BigInteger.ONE);
        }
        assertThat(factor64(largest21.pow(3).longValue())).containsExactly(largest21, largest21, largest21);
    }

    @Test
    void semiprimeOf17DigitAnd40DigitPrimes() {
        Random random = new Random(2040);
        for (int i = 0; i < 2; i++) {
            // 17-18 digits here to keep the suite fast; 20-digit factors take seconds each (see Ecm).
            BigInteger p = BigInteger.probablePrime(57 + random.nextInt(4), random);
            BigInteger q = BigInteger.probablePrime(100 + random.nextInt(33), random); // 30-40 digits
            assertThat(factorBig(p.multiply(q)).factors()).containsExactly(p, q);
        }
    }

    @Test
    void exactly128BitCompositesWithFactorsOf17To40Bits() {
        // 128 bits is the one size between the two-long path and the sieve's own range where the rho
        // walk is short (RHO_STEPS_128): factors it misses must still come out of the sieve.
        Random random = new Random(128);
        int done = 0;
        while (done < 12) {
            BigInteger p = BigInteger.probablePrime(17 + random.nextInt(24), random);
            BigInteger q = BigInteger.probablePrime(128 - p.bitLength(), random);
            BigInteger n = p.multiply(q);
            if (n.bitLength() != 128) {
                continue;
            }
            assertThat(factorBig(n).factors()).containsExactly(p, q);
            done++;
        }
    }

    @Test
    void productsOfSeveralMediumPrimesAbove2To64() {
        Random random = new Random(77);
        for (int i = 0; i < 10; i++) {
            List<BigInteger> primes = new ArrayList<>();
            BigInteger n = BigInteger.ONE;
            while (n.bitLength() < 150) {
                BigInteger p = BigInteger.probablePrime(17 + random.nextInt(30), random);
                primes.add(p);
                n = n.multiply(p);
            }
            assertThat(factorBig(n).factors()).containsExactlyInAnyOrderElementsOf(primes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3", "4", "9223372036854775807", "9223372036854775808",
            "9223372036854775809", "18446744073709551615", "18446744073709551616", "18446744073709551557",
            "3825123056546413051", "600851475143", "4294967297", "18446744073709551617",
            "340282366920938463463374607431768211457"})
    void hardCases(String value) {
        BigInteger n = new BigInteger(value);
        Factorization f = factorBig(n);
        if (Unsigned.fits(n)) {
            int k = auto.factor(n.longValue(), out);
            assertThat(FactorAssertions.assertCompleteFactorization(n.longValue(), out, k)).isEqualTo(f.factors());
        }
        if (n.compareTo(BigInteger.ONE) <= 0) {
            assertThat(f.factors()).isEmpty();
        }
        if (n.compareTo(BigInteger.ONE) > 0 && Primality.isPrime(n)) {
            assertThat(f.factors()).containsExactly(n);
        }
    }

    @Test
    void fermatNumbersF5ToF7SplitIntoTwoPrimes() {
        for (int k = 5; k <= 7; k++) {
            BigInteger fermat = BigInteger.ONE.shiftLeft(1 << k).add(BigInteger.ONE);
            Factorization f = factorBig(fermat);
            assertThat(f.factors()).as("F%d", k).hasSize(2);
            // Every prime factor of F_k is 1 mod 2^(k+2) (Euler–Lucas).
            for (BigInteger p : f.factors()) {
                assertThat(p.mod(BigInteger.ONE.shiftLeft(k + 2))).isEqualTo(BigInteger.ONE);
            }
        }
    }

    /** Carmichael numbers: the factorization must satisfy Korselt's criterion. */
    @ParameterizedTest
    @ValueSource(strings = {"561", "1105", "1729", "41041", "825265", "321197185", "5394826801",
            "232250619601", "9746347772161", "1436697831295441", "60977817398996785",
            "7156857700403137441", "1791562810662585767521"})
    void carmichaelNumbersSatisfyKorselt(String value) {
        BigInteger n = new BigInteger(value);
        List<BigInteger> factors = factorBig(n).factors();
        assertThat(factors).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        for (BigInteger p : factors) {
            assertThat(n.subtract(BigInteger.ONE).mod(p.subtract(BigInteger.ONE))).isZero();
        }
    }

    @Test
    void fastPathSortsAndDoesNotNeedMoreThan64Slots() {
        assertThat(auto.factor(Long.MIN_VALUE, out)).isEqualTo(63);
        assertThat(Arrays.stream(out, 0, 63)).containsOnly(2L);
        long threes = 1;
        for (int i = 0; i < 40; i++) {
            threes *= 3;
        }
        assertThat(auto.factor(threes, out)).isEqualTo(40);
    }

    @Test
    void rejectsNegativeNumbers() {
        assertThatThrownBy(() -> auto.factor(BigInteger.valueOf(-12))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integerRootsAreExact() {
        Random random = new Random(8);
        for (int i = 0; i < 200; i++) {
            BigInteger a = new BigInteger(1 + random.nextInt(300), random);
            int k = 2 + random.nextInt(9);
            BigInteger r = AutoFactorizer.iroot(a, k);
            assertThat(r.pow(k)).isLessThanOrEqualTo(a);
            assertThat(r.add(BigInteger.ONE).pow(k)).isGreaterThan(a);
        }
        SplittableRandom sr = new SplittableRandom(9);
        for (int i = 0; i < 2_000; i++) {
            long m = sr.nextLong();
            BigInteger bm = Unsigned.toBigInteger(m);
            assertThat(Unsigned.toBigInteger(AutoFactorizer.isqrt(m))).isEqualTo(bm.sqrt());
            assertThat(BigInteger.valueOf(AutoFactorizer.icbrt(m))).isEqualTo(AutoFactorizer.iroot(bm, 3));
        }
    }

    @Test
    void ecmPrepassGrowsWithTheSieveItMaySpare() {
        assertThat(AutoFactorizer.ecmPrepassDigits(44)).isZero();
        assertThat(AutoFactorizer.ecmPrepassCurves(45)).isEqualTo(15);
        assertThat(AutoFactorizer.ecmPrepassCurves(50)).isEqualTo(20);
        assertThat(AutoFactorizer.ecmPrepassCurves(55)).isEqualTo(25);
        assertThat(AutoFactorizer.ecmPrepassCurves(79)).isEqualTo(25);
        assertThat(AutoFactorizer.ecmPrepassCurves(80)).isEqualTo(Integer.MAX_VALUE);
        for (int d = 45; d < 100; d++) {
            assertThat(AutoFactorizer.ecmPrepassCurves(d + 1)).isGreaterThanOrEqualTo(AutoFactorizer.ecmPrepassCurves(d));
        }
    }
}
