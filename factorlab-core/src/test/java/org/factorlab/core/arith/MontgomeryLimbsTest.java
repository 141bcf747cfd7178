package org.factorlab.core.arith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MontgomeryLimbsTest {

    /** Odd moduli of 2 to 8 limbs, including all-ones words (maximal carries) and 2^128 + 1. */
    static Stream<BigInteger> moduli() {
        Random random = new Random(128);
        Stream<BigInteger> special = Stream.of(
                BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192).subtract(BigInteger.valueOf(237)),
                BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE),
                BigInteger.valueOf(1_000_003));
        Stream<BigInteger> randomOnes = Stream.generate(() -> new BigInteger(65 + random.nextInt(450), random).setBit(0))
                .limit(30);
        return Stream.concat(special, randomOnes);
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void operationsMatchBigInteger(BigInteger n) {
        MontgomeryLimbs m = new MontgomeryLimbs(n);
        BigInteger r = BigInteger.ONE.shiftLeft(64 * m.size());
        BigInteger rInverse = r.modInverse(n);
        Random random = new Random(n.longValue());
        long[] out = m.newElement();
        for (int i = 0; i < 1_000; i++) {
            BigInteger a = i % 9 == 0 ? n.subtract(BigInteger.ONE) : new BigInteger(n.bitLength() + 8, random).mod(n);
            BigInteger b = i % 7 == 0 ? n.subtract(BigInteger.ONE) : new BigInteger(n.bitLength() + 8, random).mod(n);
            long[] am = m.toMontgomery(a);
            long[] bm = m.toMontgomery(b);
            assertThat(MontgomeryLimbs.toBigInteger(am)).isEqualTo(a.multiply(r).mod(n));
            assertThat(a.multiply(r).multiply(rInverse).mod(n)).isEqualTo(a);
            assertThat(m.fromMontgomery(am)).isEqualTo(a);

            m.mul(am, bm, out);
            assertThat(m.fromMontgomery(out)).isEqualTo(a.multiply(b).mod(n));
            assertThat(MontgomeryLimbs.toBigInteger(out)).isEqualTo(a.multiply(b).multiply(r).mod(n));
            m.sqr(am, out);
            assertThat(MontgomeryLimbs.toBigInteger(out)).isEqualTo(a.multiply(a).multiply(r).mod(n));
            m.add(am, bm, out);
            assertThat(m.fromMontgomery(out)).isEqualTo(a.add(b).mod(n));
            m.sub(am, bm, out);
            assertThat(m.fromMontgomery(out)).isEqualTo(a.subtract(b).mod(n));
        }
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void loadAndConversionOfLimbsMatchBigInteger(BigInteger n) {
        MontgomeryLimbs m = new MontgomeryLimbs(n);
        Random random = new Random(n.longValue() ^ 77);
        long[] limbs = m.newElement();
        long[] form = m.newElement();
        for (int i = 0; i < 300; i++) {
            BigInteger a = switch (i % 5) {
                case 0 -> BigInteger.ZERO;
                case 1 -> n.subtract(BigInteger.ONE);
                case 2 -> new BigInteger(1 + random.nextInt(n.bitLength() - 1), random); // shorter than n
                default -> new BigInteger(n.bitLength() + 8, random).mod(n);
            };
            java.util.Arrays.fill(limbs, -1L); // load must clear what it does not set
            m.load(a, limbs);
            assertThat(MontgomeryLimbs.toBigInteger(limbs)).isEqualTo(a);
            m.toMontgomery(limbs, form);
            assertThat(form).containsExactly(m.toMontgomery(a));
        }
        assertThatThrownBy(() -> m.load(n, limbs)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.load(BigInteger.ONE.negate(), limbs)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Moduli of every limb count 1–16 with the top word all ones or just above 2^(64(s−1)). */
    static Stream<BigInteger> extremeModuli() {
        Stream.Builder<BigInteger> b = Stream.builder();
        for (int s = 1; s <= 16; s++) {
            b.add(BigInteger.ONE.shiftLeft(64 * s).subtract(BigInteger.ONE));                  // all ones
            b.add(BigInteger.ONE.shiftLeft(64 * s).subtract(BigInteger.valueOf(59)));
            b.add(BigInteger.ONE.shiftLeft(64 * (s - 1)).add(BigInteger.valueOf(s == 1 ? 4 : 1)));
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("extremeModuli")
    void squaringAndEdgeValuesMatchBigInteger(BigInteger n) {
        MontgomeryLimbs m = new MontgomeryLimbs(n);
        BigInteger r = BigInteger.ONE.shiftLeft(64 * m.size());
        SplittableRandomValues values = new SplittableRandomValues(n);
        long[] out = m.newElement();
        for (int i = 0; i < 100; i++) {
            BigInteger a = values.next(i);
            BigInteger b = values.next(i + 7);
            long[] am = m.toMontgomery(a);
            long[] bm = m.toMontgomery(b);
            m.sqr(am, out);
            assertThat(m.fromMontgomery(out)).isEqualTo(a.multiply(a).mod(n));
            m.mul(am, bm, out);
            assertThat(m.fromMontgomery(out)).isEqualTo(a.multiply(b).mod(n));
        }
        // The largest reduced residue, n − 1, squared in place (aliasing).
        long[] top = m.toMontgomery(n.subtract(BigInteger.ONE));
        m.sqr(top, top);
        assertThat(m.fromMontgomery(top)).isEqualTo(BigInteger.ONE.mod(n));
        assertThat(MontgomeryLimbs.toBigInteger(top)).isEqualTo(r.mod(n));
    }

    /** Edge values 0, 1, 2, n − 1, n − 2, (n ± 1)/2 first, then seeded random residues. */
    private static final class SplittableRandomValues {
        private final BigInteger n;
        private final java.util.SplittableRandom random;

        SplittableRandomValues(BigInteger n) {
            this.n = n;
            this.random = new java.util.SplittableRandom(n.bitLength() * 31L + n.longValue());
        }

        BigInteger next(int i) {
            BigInteger two = BigInteger.TWO;
            BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, two, n.subtract(BigInteger.ONE),
                    n.subtract(two), n.shiftRight(1), n.shiftRight(1).add(BigInteger.ONE)};
            if (i < edges.length) {
                return edges[i].mod(n);
            }
            byte[] bytes = new byte[(n.bitLength() + 15) / 8];
            random.nextBytes(bytes);
            return new BigInteger(1, bytes).mod(n);
        }
    }

    @ParameterizedTest
    @MethodSource("moduli")
    void invertGivesTheMontgomeryInverse(BigInteger n) {
        MontgomeryLimbs m = new MontgomeryLimbs(n);
        Random random = new Random(n.longValue() ^ 77);
        long[] inv = m.newElement();
        long[] product = m.newElement();
        for (int i = 0; i < 50; i++) {
            BigInteger a = new BigInteger(n.bitLength() + 8, random).mod(n);
            long[] am = m.toMontgomery(a);
            boolean invertible = a.gcd(n).equals(BigInteger.ONE);
            assertThat(m.invert(am, inv)).isEqualTo(invertible);
            if (invertible) {
                m.mul(am, inv, product);
                assertThat(m.fromMontgomery(product)).isEqualTo(BigInteger.ONE.mod(n));
            }
        }
        assertThat(m.invert(m.newElement(), inv)).as("zero").isFalse();
    }

    /**
     * Three-limb moduli (129 to 192 bits), which have an unrolled multiplication of their own: random
     * ones, all-ones and sparse top words, 2^128 + 1 and 2^192 − 1.
     */
    static Stream<BigInteger> threeLimbModuli() {
        Random random = new Random(192);
        Stream<BigInteger> special = Stream.of(
                BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE.shiftLeft(64)).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE.shiftLeft(64)).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(160).subtract(BigInteger.valueOf(47)));
        Stream<BigInteger> randoms = Stream.generate(() -> new BigInteger(129 + random.nextInt(64), random)
                .setBit(128).setBit(0)).limit(20);
        return Stream.concat(special, randoms);
    }

    /** Products and squares in the unrolled three-limb path, in place too, against BigInteger. */
    @ParameterizedTest
    @MethodSource("threeLimbModuli")
    void threeLimbProductsMatchBigInteger(BigInteger n) {
        MontgomeryLimbs m = new MontgomeryLimbs(n);
        assertThat(m.size()).isEqualTo(3);
        BigInteger r = BigInteger.ONE.shiftLeft(192);
        SplittableRandomValues values = new SplittableRandomValues(n);
        long[] out = m.newElement();
        for (int i = 0; i < 2_000; i++) {
            BigInteger a = values.next(i % 50 == 0 ? i / 50 : i);
            BigInteger b = values.next(i % 30 == 0 ? (i / 30 + 3) : i + 11);
            BigInteger expected = a.multiply(b).multiply(r).mod(n);
            long[] am = m.toMontgomery(a);
            long[] bm = m.toMontgomery(b);
            m.mul(am, bm, out);
            assertThat(MontgomeryLimbs.toBigInteger(out)).as("%s * %s", a, b).isEqualTo(expected);
            m.mul(am, bm, am);
            assertThat(MontgomeryLimbs.toBigInteger(am)).as("in place, first operand").isEqualTo(expected);
            am = m.toMontgomery(a);
            m.mul(am, bm, bm);
            assertThat(MontgomeryLimbs.toBigInteger(bm)).as("in place, second operand").isEqualTo(expected);
            m.sqr(am, am);
            assertThat(MontgomeryLimbs.toBigInteger(am)).as("square").isEqualTo(a.multiply(a).multiply(r).mod(n));
        }
    }

    @Test
    void resultMayAliasAnOperand() {
        BigInteger n = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));
        MontgomeryLimbs m = new MontgomeryLimbs(n);
        long[] x = m.toMontgomery(BigInteger.valueOf(123_456_789));
        m.mul(x, x, x);
        m.add(x, x, x);
        assertThat(m.fromMontgomery(x)).isEqualTo(BigInteger.valueOf(123_456_789).pow(2).shiftLeft(1).mod(n));
    }

    @Test
    void rejectsEvenModulus() {
        assertThatThrownBy(() -> new MontgomeryLimbs(BigInteger.ONE.shiftLeft(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
