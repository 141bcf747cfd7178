package org.factorlab.core.factor;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The splitting methods on their own: each returns a proper divisor. */
class SplittingTest {

    private static void assertProperDivisor(BigInteger f, BigInteger n) {
        assertThat(f).isNotNull();
        assertThat(f).isGreaterThan(BigInteger.ONE).isLessThan(n);
        assertThat(n.mod(f)).isZero();
    }

    @Test
    void pollardBrent64SplitsOddComposites() {
        Random random = new Random(164);
        for (int i = 0; i < 300; i++) {
            BigInteger p = BigInteger.probablePrime(3 + random.nextInt(30), random);
            BigInteger q = BigInteger.probablePrime(3 + random.nextInt(31), random);
            BigInteger n = p.multiply(q);
            if (!n.testBit(0)) {
                continue;
            }
            assertProperDivisor(BigInteger.valueOf(PollardBrent64.factor(n.longValue())), n);
        }
        long nearTop = Long.parseUnsignedLong("18446744030759878681"); // (2^32 - 5)^2
        long f = PollardBrent64.factor(nearTop);
        assertThat(f).isEqualTo(4_294_967_291L);
    }

    @Test
    void ecm64SplitsSemiprimesOfEverySizeAndIsReproducible() {
        Random random = new Random(64);
        for (int i = 0; i < 200; i++) {
            BigInteger p = BigInteger.probablePrime(12 + random.nextInt(21), random);
            BigInteger q = BigInteger.probablePrime(20 + random.nextInt(13), random);
            BigInteger n = p.multiply(q);
            long f = Ecm64.factor(n.longValue());
            assertProperDivisor(BigInteger.valueOf(f), n);
            assertThat(Ecm64.factor(n.longValue())).isEqualTo(f);
        }
        BigInteger top = BigInteger.valueOf(4_294_967_291L).multiply(BigInteger.valueOf(4_294_967_279L));
        assertProperDivisor(BigInteger.valueOf(Ecm64.factor(top.longValue())), top);
    }

    @Test
    void ecm64InverseIsExactEvenAbove2To63() {
        Random random = new Random(65);
        for (int i = 0; i < 2_000; i++) {
            BigInteger n = new BigInteger(2 + random.nextInt(63), random).setBit(0).add(BigInteger.TWO);
            if (i % 2 == 0) {
                n = n.setBit(63);
            }
            BigInteger a = new BigInteger(64, random).mod(n);
            if (a.signum() == 0 || !a.gcd(n).equals(BigInteger.ONE)) {
                continue;
            }
            long inv = Ecm64.inverse(a.longValue(), n.longValue());
            assertThat(org.factorlab.core.Unsigned.toBigInteger(inv)).isEqualTo(a.modInverse(n));
        }
    }

    @Test
    void pollardBrentFindsSmallFactorsOfLargeNumbers() {
        Random random = new Random(200);
        for (int i = 0; i < 20; i++) {
            BigInteger p = BigInteger.probablePrime(20 + random.nextInt(10), random);
            BigInteger q = BigInteger.probablePrime(100 + random.nextInt(100), random);
            BigInteger n = p.multiply(q);
            BigInteger f = PollardBrent.factor(n, 1 << 20);
            assertProperDivisor(f, n);
        }
    }

    @Test
    void pollardBrentGivesUpAfterItsStepBound() {
        BigInteger n = BigInteger.probablePrime(100, new Random(1)).multiply(BigInteger.probablePrime(100, new Random(2)));
        assertThat(PollardBrent.factor(n, 1_000)).isNull();
    }

    @Test
    void ecmFindsAFactorWithFixedBoundsAndSeeds() {
        Random random = new Random(300);
        for (int i = 0; i < 3; i++) {
            BigInteger p = BigInteger.probablePrime(40, random);
            BigInteger q = BigInteger.probablePrime(150, random);
            BigInteger n = p.multiply(q);
            BigInteger f = Ecm.factor(n, 2_000, 200_000, 200, 6);
            assertProperDivisor(f, n);
            // Deterministic: the same bounds and seeds give the same factor.
            assertThat(Ecm.factor(n, 2_000, 200_000, 200, 6)).isEqualTo(f);
        }
    }

    @Test
    void ecmStageTwoFindsAFactorStageOneMisses() {
        // Find a curve whose order mod p has exactly one prime above B1 = 100 but below B2,
        // by searching sigma with only stage 1 (B2 = B1) failing and stage 2 succeeding.
        Random random = new Random(301);
        BigInteger p = BigInteger.probablePrime(36, random);
        BigInteger n = p.multiply(BigInteger.probablePrime(120, random));
        int stage2Only = 0;
        for (long sigma = 6; sigma < 406; sigma++) {
            BigInteger s1 = Ecm.factor(n, 100, 100, 1, sigma);
            BigInteger s2 = Ecm.factor(n, 100, 10_000, 1, sigma);
            if (s1 != null) {
                assertProperDivisor(s1, n);
                assertThat(s2).as("stage 2 keeps stage 1's success").isNotNull();
            } else if (s2 != null) {
                assertProperDivisor(s2, n);
                stage2Only++;
            }
        }
        assertThat(stage2Only).as("curves saved by stage 2").isPositive();
    }
}
