package org.factorlab.core.factor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Factor64}'s modular kernels against BigInteger over seeded random moduli of every size, the
 * top bit set or not (the unsigned corrections differ there), and operands at the edges 0, 1, n − 1.
 */
class Factor64ArithmeticTest {

    private static final BigInteger R = BigInteger.ONE.shiftLeft(64);

    private static BigInteger u(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }

    /** An odd modulus of 2 to 64 bits, a quarter of them with the top bit set. */
    private static long modulus(SplittableRandom random) {
        int bits = random.nextInt(4) == 0 ? 64 : 2 + random.nextInt(63);
        long n = bits == 64 ? random.nextLong() | Long.MIN_VALUE : (random.nextLong() >>> (64 - bits)) | (1L << (bits - 1));
        return n | 1;
    }

    /** A reduced operand, often an edge value. */
    private static long operand(SplittableRandom random, long n) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> Math.min(1, n - 1);
            case 2 -> n - 1;
            default -> Long.remainderUnsigned(random.nextLong(), n);
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void addSubAndMontgomeryProductAgreeWithBigInteger(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 5_000; i++) {
            long n = modulus(random);
            long a = operand(random, n);
            long b = operand(random, n);
            BigInteger bn = u(n);
            long nInv = Factor64.inverse64(n);
            assertThat(n * nInv).isEqualTo(1);
            assertThat(u(Factor64.add(a, b, n))).isEqualTo(u(a).add(u(b)).mod(bn));
            assertThat(u(Factor64.sub(a, b, n))).isEqualTo(u(a).subtract(u(b)).mod(bn));
            BigInteger expected = u(a).multiply(u(b)).multiply(R.modInverse(bn)).mod(bn);
            assertThat(u(Factor64.mul(a, b, n, nInv))).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void inverseIsTheInverseOrZeroWhenThereIsNone(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int inverted = 0;
        for (int i = 0; i < 5_000; i++) {
            long n = modulus(random);
            if (n == 1) {
                continue;
            }
            // every fourth operand shares a factor with n on purpose (n = 3·m, a = 3·k)
            long a;
            if (i % 4 == 0 && Long.compareUnsigned(n, 9) > 0) {
                n = Long.divideUnsigned(n, 3) * 3;
                n |= 1;
                a = Long.remainderUnsigned(3 * (random.nextLong() >>> 3), n);
            } else {
                a = operand(random, n);
            }
            BigInteger bn = u(n);
            long inv = Factor64.inverseMod(a, n);
            if (u(a).gcd(bn).equals(BigInteger.ONE)) {
                assertThat(u(inv)).isEqualTo(u(a).modInverse(bn));
                inverted++;
            } else {
                assertThat(inv).isZero();
            }
        }
        assertThat(inverted).isGreaterThan(3_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void theArithmeticBelow2To63AgreesWithBigInteger(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 5_000; i++) {
            long n = (random.nextLong() >>> (1 + random.nextInt(62))) | 1;
            if (n == 1) {
                continue;
            }
            long a = operand(random, n);
            long b = operand(random, n);
            BigInteger bn = u(n);
            long nInv = Factor64.inverse64(n);
            assertThat(u(Factor64.add63(a, b, n))).isEqualTo(u(a).add(u(b)).mod(bn));
            assertThat(u(Factor64.sub63(a, b, n))).isEqualTo(u(a).subtract(u(b)).mod(bn));
            assertThat(u(Factor64.mul63(a, b, n, nInv))).isEqualTo(u(a).multiply(u(b)).multiply(R.modInverse(bn)).mod(bn));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void bothLaddersComputeTheSamePoints(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Factor64.Plan plan : Factor64.PLANS) {
            for (int i = 0; i < 50; i++) {
                long n = (random.nextLong() >>> (1 + random.nextInt(20))) | 1; // 44 to 63 bits
                long nInv = Factor64.inverse64(n);
                long one = Factor64.montOne(n);
                long[] x = new long[4];
                for (int k = 0; k < 4; k++) {
                    x[k] = Long.remainderUnsigned(random.nextLong(), n);
                }
                long[] general = new long[4];
                long[] below = new long[4];
                Factor64.ladderPair(general, plan.words, plan.bits, x[0], x[1], x[2], x[3], one, n, nInv, false);
                Factor64.ladderPair(below, plan.words, plan.bits, x[0], x[1], x[2], x[3], one, n, nInv, true);
                assertThat(below).containsExactly(general);
            }
        }
    }
}
