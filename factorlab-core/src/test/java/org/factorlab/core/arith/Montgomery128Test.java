package org.factorlab.core.arith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Montgomery128Test {

    private static final int OPERATIONS = 120;
    private static final BigInteger R = BigInteger.ONE.shiftLeft(128);

    /** Odd moduli of 2..127 bits: seeded random ones, all-ones patterns and values near 2^127, 2^64. */
    static Stream<BigInteger> moduli() {
        SplittableRandom random = new SplittableRandom(128);
        List<BigInteger> list = new ArrayList<>();
        for (int bits = 65; bits <= 127; bits++) {
            list.add(random(random, bits).setBit(bits - 1).setBit(0));
        }
        for (int i = 0; i < 10; i++) {
            list.add(random(random, 2 + random.nextInt(63)).setBit(0).max(BigInteger.valueOf(3)));
        }
        BigInteger top = BigInteger.ONE.shiftLeft(127);
        list.add(top.subtract(BigInteger.ONE));
        list.add(top.subtract(BigInteger.valueOf(3)));
        list.add(top.subtract(BigInteger.ONE).subtract(BigInteger.ONE.shiftLeft(64)));
        list.add(BigInteger.ONE.shiftLeft(126).add(BigInteger.ONE));
        list.add(BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE));
        list.add(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        list.add(BigInteger.ONE.shiftLeft(65).subtract(BigInteger.ONE));
        list.add(new BigInteger("55555555555555555555555555555555", 16));
        list.add(BigInteger.valueOf(3));
        return list.stream();
    }

    private static BigInteger random(SplittableRandom random, int bits) {
        BigInteger x = BigInteger.ZERO;
        for (int i = 0; i < bits; i += 32) {
            x = x.shiftLeft(32).or(BigInteger.valueOf(random.nextInt() & 0xFFFF_FFFFL));
        }
        return x.shiftRight(x.bitLength() > bits ? x.bitLength() - bits : 0)
                .and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    private static BigInteger below(SplittableRandom random, BigInteger n, int i) {
        return switch (i % 13) {
            case 0 -> n.subtract(BigInteger.ONE);
            case 1 -> BigInteger.ZERO;
            case 2 -> BigInteger.ONE;
            default -> random(random, n.bitLength() + 8).mod(n);
        };
    }

    private static BigInteger value(Montgomery128 m) {
        return Montgomery128.toBigInteger(m.hi, m.lo);
    }

    private static long hi(BigInteger x) {
        return x.shiftRight(64).longValue();
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void constantsMatchBigInteger(BigInteger n) {
        Montgomery128 m = Montgomery128.of(n);
        assertThat(m.modulus()).isEqualTo(n);
        assertThat(Montgomery128.toBigInteger(m.oneHi, m.oneLo)).isEqualTo(R.mod(n));
        assertThat(Montgomery128.toBigInteger(m.r2Hi, m.r2Lo)).isEqualTo(R.multiply(R).mod(n));
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void operationsMatchBigInteger(BigInteger n) {
        Montgomery128 m = Montgomery128.of(n);
        BigInteger rInv = R.modInverse(n);
        SplittableRandom random = new SplittableRandom(n.longValue());
        for (int i = 0; i < OPERATIONS; i++) {
            BigInteger a = below(random, n, i);
            BigInteger b = below(random, n, i / 3);
            m.mul(hi(a), a.longValue(), hi(b), b.longValue());
            assertThat(value(m)).isEqualTo(a.multiply(b).multiply(rInv).mod(n));
            m.square(hi(a), a.longValue());
            assertThat(value(m)).isEqualTo(a.multiply(a).multiply(rInv).mod(n));
            m.add(hi(a), a.longValue(), hi(b), b.longValue());
            assertThat(value(m)).isEqualTo(a.add(b).mod(n));
            m.sub(hi(a), a.longValue(), hi(b), b.longValue());
            assertThat(value(m)).isEqualTo(a.subtract(b).mod(n));
            m.half(hi(a), a.longValue());
            assertThat(value(m).shiftLeft(1).mod(n)).isEqualTo(a);
            BigInteger x = random(random, 128);
            m.toMontgomery(hi(x), x.longValue());
            assertThat(value(m)).isEqualTo(x.multiply(R).mod(n));
            m.fromMontgomery(m.hi, m.lo);
            assertThat(value(m)).isEqualTo(x.mod(n));
            m.mod(hi(x), x.longValue());
            assertThat(value(m)).isEqualTo(x.mod(n));
            m.gcdWithModulus(hi(x), x.longValue());
            assertThat(value(m)).isEqualTo(x.gcd(n));
            if (a.gcd(n).equals(BigInteger.ONE) && i % 7 == 0) {
                m.inverse(hi(a), a.longValue());
                assertThat(value(m)).isEqualTo(a.modInverse(n));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void powMatchesModPow(BigInteger n) {
        Montgomery128 m = Montgomery128.of(n);
        SplittableRandom random = new SplittableRandom(n.longValue() ^ 77);
        for (int i = 0; i < 50; i++) {
            BigInteger a = below(random, n, i + 3);
            BigInteger e = random(random, 1 + random.nextInt(128));
            m.toMontgomery(hi(a), a.longValue());
            m.pow(m.hi, m.lo, hi(e), e.longValue());
            m.fromMontgomery(m.hi, m.lo);
            assertThat(value(m)).isEqualTo(a.modPow(e, n));
        }
    }

    @Test
    void gcdWithCommonFactor() {
        BigInteger p = new BigInteger("18446744073709551557"); // 2^64 − 59, prime
        BigInteger q = new BigInteger("4294967291");
        BigInteger n = p.multiply(q);
        Montgomery128 m = Montgomery128.of(n);
        BigInteger x = p.multiply(BigInteger.valueOf(12345));
        m.gcdWithModulus(hi(x), x.longValue());
        assertThat(value(m)).isEqualTo(p);
        m.gcdWithModulus(0, 0);
        assertThat(value(m)).isEqualTo(n);
    }

    @Test
    void rejectsBadModuli() {
        assertThatThrownBy(() -> Montgomery128.of(BigInteger.ONE.shiftLeft(127).add(BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Montgomery128(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Montgomery128(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
