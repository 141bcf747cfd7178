package org.factorlab.core.factor;

import org.factorlab.core.Unsigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Factor64Test {

    private final long[] out = new long[64];

    /** A random prime of exactly {@code bits} bits. */
    private static long prime(SplittableRandom random, int bits) {
        if (bits == 2) {
            return random.nextBoolean() ? 2 : 3;
        }
        while (true) {
            long c = (random.nextLong() >>> (64 - bits)) | (1L << (bits - 1)) | 1;
            if (u(c).isProbablePrime(50)) {
                return c;
            }
        }
    }

    private static BigInteger u(long x) {
        return Unsigned.toBigInteger(x);
    }

    /** Factors {@code n} and checks the result is exactly the given primes (in any order given). */
    private void assertFactors(long n, long... primes) {
        BigInteger product = BigInteger.ONE;
        for (long p : primes) {
            product = product.multiply(u(p));
        }
        assertThat(product).as("test setup").isEqualTo(u(n));
        int k = Factor64.factor(n, out);
        long[] expected = primes.clone();
        sortUnsigned(expected);
        assertThat(Arrays.copyOf(out, k)).as("factors of %s", Long.toUnsignedString(n)).containsExactly(expected);
    }

    private static void sortUnsigned(long[] a) {
        long[] b = Arrays.stream(a).boxed().sorted(Long::compareUnsigned).mapToLong(Long::longValue).toArray();
        System.arraycopy(b, 0, a, 0, a.length);
    }

    /** Checks the factorisation by BigInteger only (product and primality), for numbers we did not build. */
    private List<BigInteger> assertComplete(long n) {
        int k = Factor64.factor(n, out);
        return FactorAssertions.assertCompleteFactorization(n, out, k);
    }

    static Stream<Long> seeds() {
        return LongStream64.seeds(5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void productsOfChosenPrimesAcrossSizeClasses(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 400; trial++) {
            // Pick primes while their total size stays below 64 bits.
            List<Long> primes = new ArrayList<>();
            int budget = 64;
            int parts = 1 + random.nextInt(4);
            for (int i = 0; i < parts && budget > 2; i++) {
                int bits = i == parts - 1 ? 2 + random.nextInt(budget - 1) : 2 + random.nextInt(Math.min(33, budget - 1));
                long p = prime(random, bits);
                primes.add(p);
                budget -= bits;
            }
            long n = 1;
            for (long p : primes) {
                n *= p;
            }
            assertFactors(n, primes.stream().mapToLong(Long::longValue).toArray());
        }
    }

    static Stream<Integer> semiprimeHalves() {
        return IntStream.of(8, 10, 12, 14, 16, 18, 20, 21, 22, 24, 26, 28, 30, 31, 32).boxed();
    }

    @ParameterizedTest
    @MethodSource("semiprimeHalves")
    void balancedSemiprimes(int bits) {
        SplittableRandom random = new SplittableRandom(1000 + bits);
        for (int i = 0; i < 150; i++) {
            long p = prime(random, bits);
            long q = prime(random, bits);
            assertFactors(p * q, p, q);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 16, 21, 26, 31, 32})
    void squaresCubesAndPpq(int bits) {
        SplittableRandom random = new SplittableRandom(77 + bits);
        for (int i = 0; i < 50; i++) {
            long p = prime(random, bits);
            assertFactors(p * p, p, p);
            if (bits <= 21) {
                assertFactors(p * p * p, p, p, p);
                long q = prime(random, 64 - 2 * bits - 1);
                assertFactors(p * p * q, p, p, q);
            }
        }
    }

    @Test
    void higherPrimePowersAndMixedPowers() {
        long[] primes = {1031, 1033, 2053, 4099, 65_537};
        for (long p : primes) {
            long power = p;
            for (int e = 2; e <= 6 && Long.compareUnsigned(Math.unsignedMultiplyHigh(power, p), 0) == 0
                    && Long.compareUnsigned(power * p, Long.divideUnsigned(-1L, 1031)) < 0; e++) {
                power *= p;
                long[] expected = LongStream64.repeat(p, e);
                assertFactors(power, expected);
                long[] withQ = Arrays.copyOf(expected, e + 1);
                withQ[e] = 1031;
                assertFactors(power * 1031, withQ);
            }
        }
    }

    @Test
    void specialValues() {
        assertThat(Factor64.factor(0, out)).isZero();
        assertThat(Factor64.factor(1, out)).isZero();
        assertFactors(2, 2);
        assertFactors(1L << 63, LongStream64.repeat(2, 63));
        assertFactors(-1L, 3, 5, 17, 257, 641, 65537, 6700417); // 2^64 − 1
        assertFactors(-59L, -59L); // 2^64 − 59, the largest 64-bit prime
        assertFactors(1031L * 1031, 1031, 1031);
        assertFactors(1021L * 1031, 1021, 1031);
        assertFactors(4_294_967_291L * 4_294_967_279L, 4_294_967_279L, 4_294_967_291L);
        assertFactors(4_294_967_291L * 4_294_967_291L, 4_294_967_291L, 4_294_967_291L);
        assertComplete(2_642_245L * 2_642_245L * 2_642_245L); // the largest cube below 2^64
        // Near 2^64: every value factors completely.
        for (long d = 1; d <= 300; d++) {
            assertComplete(-d);
            assertComplete(Long.MIN_VALUE + d);
            assertComplete(Long.MIN_VALUE - d);
        }
    }

    @Test
    void carmichaelNumbersAndStrongPseudoprimes() {
        long[] small = {561, 1105, 1729, 2465, 2821, 6601, 8911, 2047, 3277, 4033, 4681, 8321, 1_194_649, 12_327_121,
                3_215_031_751L, 2_152_302_898_747L, 3_474_749_660_383L, 341_550_071_728_321L,
                3_825_123_056_546_413_051L};
        for (long n : small) {
            assertThat(Factor64.isPrime(n)).as("%s", n).isEqualTo(u(n).isProbablePrime(50));
            assertComplete(n);
        }
        // Chernick's Carmichael numbers (6k+1)(12k+1)(18k+1); keep those that are base-2 strong pseudoprimes too.
        int strong = 0;
        int checked = 0;
        boolean[] isPrime = new boolean[18 * 240_000 + 2];
        for (int p : PrimeSieve.primesUpTo(isPrime.length - 1)) {
            isPrime[p] = true;
        }
        for (int k = 1; k < 240_000; k++) {
            long a = 6 * k + 1;
            long b = 12 * k + 1;
            long c = 18 * k + 1;
            if (!isPrime[(int) a] || !isPrime[(int) b] || !isPrime[(int) c]) {
                continue;
            }
            BigInteger n = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(BigInteger.valueOf(c));
            if (n.bitLength() > 64) {
                break;
            }
            // All with 3 or 4 digits k, then every 5th: enough strong pseudoprimes, a bounded test time.
            if (k > 1_000 && ++checked % 5 != 0) {
                continue;
            }
            if (isStrongPseudoprimeBase2(n)) {
                strong++;
            }
            assertThat(Factor64.isPrime(n.longValue())).isFalse();
            assertFactors(n.longValue(), a, b, c);
        }
        assertThat(strong).as("some Chernick numbers are base-2 strong pseudoprimes").isPositive();
    }

    private static boolean isStrongPseudoprimeBase2(BigInteger n) {
        BigInteger m = n.subtract(BigInteger.ONE);
        int s = m.getLowestSetBit();
        BigInteger x = BigInteger.TWO.modPow(m.shiftRight(s), n);
        if (x.equals(BigInteger.ONE) || x.equals(m)) {
            return true;
        }
        for (int r = 1; r < s; r++) {
            x = x.multiply(x).mod(n);
            if (x.equals(m)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void isPrimeAgreesWithBigInteger(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2_500; i++) {
            long n = random.nextLong() >>> random.nextInt(64);
            n |= 1;
            assertThat(Factor64.isPrime(n)).as("%s", Long.toUnsignedString(n)).isEqualTo(u(n).isProbablePrime(60));
        }
        for (int i = 0; i < 200; i++) {
            long p = prime(random, 2 + random.nextInt(63));
            assertThat(Factor64.isPrime(p)).isTrue();
        }
        for (long n = 0; n < 5_000; n++) {
            assertThat(Factor64.isPrime(n)).isEqualTo(u(n).isProbablePrime(60));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 13, 15, 17, 19, 21})
    void hartSplitsSemiprimesBelow2To42(int bits) {
        SplittableRandom random = new SplittableRandom(bits);
        int found = 0;
        for (int i = 0; i < 200; i++) {
            long p = prime(random, bits);
            long q = prime(random, bits);
            if (p == q) {
                continue;
            }
            long f = Factor64.hart(p * q, 1 << 16);
            if (f != 0) {
                assertThat(f).isIn(p, q);
                found++;
            }
        }
        // Iterations are capped where M·n·i would pass 2^62 (about 2^11 of them near 2^42); rho takes the rest.
        assertThat(found).isGreaterThan(150);
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 16, 20, 24})
    void rhoSplitsSemiprimes(int bits) {
        SplittableRandom random = new SplittableRandom(bits * 3L);
        for (int i = 0; i < 100; i++) {
            long p = prime(random, bits);
            long q = prime(random, bits);
            if (p == q) {
                continue;
            }
            assertThat(Factor64.rho(p * q, Long.MAX_VALUE)).isIn(p, q);
        }
    }

    /**
     * Every odd composite below 20,000 that is not a prime power ({@link Factor64#split} takes those
     * by roots), tiny primes included: there the two walks of {@link Factor64#rho} often meet modulo
     * every prime of n in one batch (the gcd is n), and the split must come from one walk's product
     * alone, from a replay of the batch, or from new constants.
     */
    @Test
    void rhoSplitsEveryOddCompositeBelowTwentyThousand() {
        int collisions = 0;
        for (long n = 9; n < 20_000; n += 2) {
            if (Factor64.isPrime(n) || isPrimePower(n)) {
                continue;
            }
            long f = Factor64.rho(n, Long.MAX_VALUE);
            assertThat(f).as("rho(%d)", n).isGreaterThan(1).isLessThan(n);
            assertThat(n % f).as("rho(%d) = %d", n, f).isZero();
            if (Factor64.rho(n, 32) == 0) {
                collisions++;
            }
        }
        // the walks failed within one short budget for some n: the retry path ran too
        assertThat(collisions).isPositive();
    }

    private static boolean isPrimePower(long n) {
        long p = 3;
        while (n % p != 0) {
            p += 2;
        }
        while (n % p == 0) {
            n /= p;
        }
        return n == 1;
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 20, 24, 28, 32})
    void ecmSplitsSemiprimes(int bits) {
        SplittableRandom random = new SplittableRandom(bits * 5L);
        for (int i = 0; i < 100; i++) {
            long p = prime(random, bits);
            long q = prime(random, bits);
            if (p == q) {
                continue;
            }
            assertThat(Factor64.ecm(p * q, 1_000)).isIn(p, q);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void splitGivesAProperFactor(int bits) {
        SplittableRandom random = new SplittableRandom(bits * 7L);
        for (int i = 0; i < 100; i++) {
            long p = prime(random, bits);
            long q = prime(random, 64 - bits - random.nextInt(4));
            long f = Factor64.split(p * q);
            assertThat(f).isIn(p, q);
        }
    }

    @Test
    void agreesWithOldPathOnRandomValues() {
        SplittableRandom random = new SplittableRandom(4242);
        long[] other = new long[64];
        for (int i = 0; i < 1_500; i++) {
            long n = random.nextLong() >>> random.nextInt(40);
            int k = Factor64.factor(n, out);
            int j = LegacyFactor64.factor(n, other);
            assertThat(Arrays.copyOf(out, k)).isEqualTo(Arrays.copyOf(other, j));
        }
    }

    @Test
    void agreesWithGnuFactor() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("factor");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            assumeTrue(false, "GNU factor is not installed");
            return;
        }
        SplittableRandom random = new SplittableRandom(2026);
        long[] numbers = new long[2_000];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = random.nextLong() >>> random.nextInt(4);
        }
        List<String> lines = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII)) {
                for (long n : numbers) {
                    w.write(Long.toUnsignedString(n));
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        writer.join();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).hasSize(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            String[] parts = lines.get(i).split(":");
            assertThat(parts[0].trim()).isEqualTo(Long.toUnsignedString(numbers[i]));
            long[] gnu = Arrays.stream(parts[1].trim().split("\\s+")).mapToLong(Long::parseUnsignedLong).toArray();
            int k = Factor64.factor(numbers[i], out);
            assertThat(Arrays.copyOf(out, k)).as("factor %s", Long.toUnsignedString(numbers[i])).containsExactly(gnu);
        }
    }

    /** Small helpers for long streams. */
    private static final class LongStream64 {
        static Stream<Long> seeds(int count) {
            return IntStream.range(0, count).mapToObj(i -> 0x5EED_0000L + i);
        }

        static long[] repeat(long value, int times) {
            long[] a = new long[times];
            Arrays.fill(a, value);
            return a;
        }
    }

    /** Cofactors below 2^24 are finished by trial division: every number near and below the bound. */
    @ParameterizedTest
    @ValueSource(longs = {1L << 20, (1L << 24) - 60_000, 1_063_000, 4_000_000})
    void smallCofactorsByTrialDivision(long from) {
        for (long n = from; n < from + 60_000; n++) {
            int k = Factor64.factor(n, out);
            BigInteger product = BigInteger.ONE;
            for (int i = 0; i < k; i++) {
                assertThat(u(out[i]).isProbablePrime(30)).as("factor %d of %d", out[i], n).isTrue();
                if (i > 0) {
                    assertThat(out[i]).isGreaterThanOrEqualTo(out[i - 1]);
                }
                product = product.multiply(u(out[i]));
            }
            assertThat(product).as("product for %d", n).isEqualTo(u(n));
        }
    }

    @Test
    void outputIsAscendingUnsigned() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 2_000; i++) {
            long n = random.nextLong();
            int k = Factor64.factor(n, out);
            long[] sorted = Arrays.copyOf(out, k);
            sortUnsigned(sorted);
            assertThat(Arrays.copyOf(out, k)).isEqualTo(sorted);
        }
    }
}
