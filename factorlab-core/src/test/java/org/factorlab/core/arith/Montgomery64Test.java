package org.factorlab.core.arith;

import org.factorlab.core.Unsigned;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class Montgomery64Test {

    private static final int OPERATIONS = 2_000;

    /** Odd moduli: seeded random ones of every size plus the extremes near 2^64, 2^63 and 2^32. */
    static Stream<Long> moduli() {
        SplittableRandom random = new SplittableRandom(64);
        LongStream randomOnes = LongStream.range(0, 40)
                .map(i -> (random.nextLong() >>> random.nextInt(62)) | 1L)
                .filter(n -> n != 1);
        LongStream extremes = LongStream.of(3, 5, 0xFFFF_FFFF_FFFF_FFFFL, 0xFFFF_FFFF_FFFF_FFC5L,
                0x8000_0000_0000_0001L, 0x7FFF_FFFF_FFFF_FFFFL, 0xFFFF_FFFFL, 0x1_0000_0001L,
                0xFFFF_FFFF_0000_0001L, 0xAAAA_AAAA_AAAA_AAABL);
        return LongStream.concat(extremes, randomOnes).boxed();
    }

    private static BigInteger big(long x) {
        return Unsigned.toBigInteger(x);
    }

    private static long below(SplittableRandom random, long n) {
        return Long.remainderUnsigned(random.nextLong(), n);
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void inverseTimesModulusIsOneModulo2To64(long n) {
        assertThat(n * Montgomery64.inverse(n)).isEqualTo(1L);
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void productAfterConversionMatchesBigInteger(long n) {
        long nInv = Montgomery64.inverse(n);
        long r2 = Montgomery64.rSquared(n, nInv);
        BigInteger bn = big(n);
        assertThat(big(r2)).isEqualTo(BigInteger.ONE.shiftLeft(128).mod(bn));
        SplittableRandom random = new SplittableRandom(n);
        for (int i = 0; i < OPERATIONS; i++) {
            long a = random.nextLong();
            long b = i % 10 == 0 ? n - 1 : random.nextLong();
            long am = Montgomery64.toMontgomery(a, n, nInv, r2);
            long bm = Montgomery64.toMontgomery(b, n, nInv, r2);
            assertThat(Long.compareUnsigned(am, n)).isNegative();
            long product = Montgomery64.fromMontgomery(Montgomery64.mul(am, bm, n, nInv), n, nInv);
            assertThat(big(product)).isEqualTo(big(a).multiply(big(b)).mod(bn));
            assertThat(Montgomery64.fromMontgomery(am, n, nInv)).isEqualTo(Long.remainderUnsigned(a, n));
        }
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void reduceOfRawProductIsDivisionByR(long n) {
        long nInv = Montgomery64.inverse(n);
        BigInteger bn = big(n);
        BigInteger rInverse = BigInteger.ONE.shiftLeft(64).modInverse(bn);
        SplittableRandom random = new SplittableRandom(~n);
        for (int i = 0; i < OPERATIONS; i++) {
            long a = below(random, n);
            long b = below(random, n);
            long r = Montgomery64.mul(a, b, n, nInv);
            assertThat(Long.compareUnsigned(r, n)).isNegative();
            assertThat(big(r)).isEqualTo(big(a).multiply(big(b)).multiply(rInverse).mod(bn));
        }
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void addAndSubtractStayReduced(long n) {
        BigInteger bn = big(n);
        SplittableRandom random = new SplittableRandom(n * 31);
        for (int i = 0; i < OPERATIONS; i++) {
            long a = i % 7 == 0 ? n - 1 : below(random, n);
            long b = i % 5 == 0 ? n - 1 : below(random, n);
            assertThat(big(Montgomery64.add(a, b, n))).isEqualTo(big(a).add(big(b)).mod(bn));
            assertThat(big(Montgomery64.sub(a, b, n))).isEqualTo(big(a).subtract(big(b)).mod(bn));
        }
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void powerMatchesModPow(long n) {
        long nInv = Montgomery64.inverse(n);
        long r2 = Montgomery64.rSquared(n, nInv);
        long one = Montgomery64.one(n);
        BigInteger bn = big(n);
        SplittableRandom random = new SplittableRandom(n ^ 0x5DEECE66DL);
        for (int i = 0; i < 200; i++) {
            long a = random.nextLong();
            long e = i == 0 ? 0 : random.nextLong();
            long pm = Montgomery64.pow(Montgomery64.toMontgomery(a, n, nInv, r2), e, one, n, nInv);
            assertThat(big(Montgomery64.fromMontgomery(pm, n, nInv))).isEqualTo(big(a).modPow(big(e), bn));
        }
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void gcdMatchesBigInteger(long n) {
        SplittableRandom random = new SplittableRandom(n + 7);
        for (int i = 0; i < 500; i++) {
            long a = random.nextLong() >>> random.nextInt(64);
            long b = i % 3 == 0 ? n : random.nextLong() << random.nextInt(8);
            assertThat(big(Montgomery64.gcd(a, b))).isEqualTo(big(a).gcd(big(b)));
        }
    }
}
