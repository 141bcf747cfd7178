package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery128;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Ecm128Test {

    private static BigInteger found(Montgomery128 m) {
        return Montgomery128.toBigInteger(m.hi, m.lo);
    }

    @Test
    void boundedRunFindsSmallFactorsAndGivesUpOnLargeOnes() {
        Random random = new Random(128);
        for (int bits = 26; bits <= 38; bits += 4) {
            BigInteger p = BigInteger.probablePrime(bits, random);
            BigInteger q = BigInteger.probablePrime(120 - bits, random);
            Montgomery128 m = Montgomery128.of(p.multiply(q));
            assertThat(Ecm128.factor(m, 4)).as("%d-bit factor", bits).isTrue();
            assertThat(found(m)).isIn(p, q);
        }
        BigInteger n = BigInteger.probablePrime(62, random).multiply(BigInteger.probablePrime(63, random));
        assertThat(Ecm128.factor(Montgomery128.of(n), 1)).isFalse();
    }

    @Test
    void everyLevelFindsAFactorOfAThreeWayProduct() {
        Random random = new Random(129);
        BigInteger n = BigInteger.probablePrime(30, random).multiply(BigInteger.probablePrime(36, random))
                .multiply(BigInteger.probablePrime(40, random));
        for (int level = 0; level < Ecm128.SCHEDULE.length; level += 3) {
            Montgomery128 m = Montgomery128.of(n);
            assertThat(Ecm128.factor(m, level, 200, 6)).isPositive();
            BigInteger f = found(m);
            assertThat(n.mod(f).signum()).isZero();
            assertThat(f).isNotIn(BigInteger.ONE, n);
        }
    }
}
