package org.factorlab.core.factor;

import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorization;
import org.factorlab.core.Factorizer;
import org.factorlab.core.Unsigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrialDivisionTest {

    private final Factorizer trial = Algorithm.TRIAL.factorizer();
    private final long[] out = new long[64];

    @Test
    void zeroAndOneHaveNoFactors() {
        assertThat(trial.factor(0, out)).isZero();
        assertThat(trial.factor(1, out)).isZero();
        assertThat(trial.factor(BigInteger.ZERO).factors()).isEmpty();
        assertThat(trial.factor(BigInteger.ONE).factors()).isEmpty();
    }

    @Test
    void factorsSmallExamples() {
        assertThat(factors(600851475143L)).containsExactly(71L, 839L, 1471L, 6857L);
        assertThat(factors(2)).containsExactly(2L);
        assertThat(factors(4)).containsExactly(2L, 2L);
        assertThat(factors(360)).containsExactly(2L, 2L, 2L, 3L, 3L, 5L);
        assertThat(factors(1_000_003L * 1_000_033L)).containsExactly(1_000_003L, 1_000_033L);
    }

    private List<Long> factors(long n) {
        int k = trial.factor(n, out);
        return java.util.Arrays.stream(out, 0, k).boxed().toList();
    }

    @Test
    void randomValuesBelow2To40FactorCompletely() {
        SplittableRandom random = new SplittableRandom(40);
        for (int i = 0; i < 1_500; i++) {
            long n = random.nextLong(1L << 40);
            int k = trial.factor(n, out);
            FactorAssertions.assertCompleteFactorization(n, out, k);
        }
    }

    /** Values at and above 2^63 use the unsigned division loop; these have small enough cofactors. */
    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "9223372036854775808", "9223372036854775809",
            "18446744073709551615", "18446744073709551614", "12157665459056928801", "17293822569102704640"})
    void factorsValuesAtTheTopOfTheUnsignedRange(String value) {
        BigInteger n = new BigInteger(value);
        int k = trial.factor(n.longValue(), out);
        FactorAssertions.assertCompleteFactorization(n.longValue(), out, k);
        FactorAssertions.assertCompleteFactorization(n, trial.factor(n));
    }

    @Test
    void unsignedValueAbove2To63WithLargePrimeCofactor() {
        BigInteger small = BigInteger.valueOf(3 * 3 * 5 * 7 * 11 * 13);
        BigInteger p = BigInteger.ONE.shiftLeft(63).divide(small).add(BigInteger.ONE).nextProbablePrime();
        BigInteger n = small.multiply(p);
        assertThat(n.bitLength()).isEqualTo(64);
        int k = trial.factor(n.longValue(), out);
        List<BigInteger> f = FactorAssertions.assertCompleteFactorization(n.longValue(), out, k);
        assertThat(f).containsExactly(BigInteger.valueOf(3), BigInteger.valueOf(3), BigInteger.valueOf(5),
                BigInteger.valueOf(7), BigInteger.valueOf(11), BigInteger.valueOf(13), p);
    }

    @Test
    void bigIntegerPathDividesBeyond64Bits() {
        BigInteger n = BigInteger.ONE.shiftLeft(70).multiply(BigInteger.valueOf(3).pow(5))
                .multiply(BigInteger.valueOf(1_000_003)).multiply(BigInteger.valueOf(65_537));
        Factorization f = trial.factor(n);
        FactorAssertions.assertCompleteFactorization(n, f);
        assertThat(f.factors()).hasSize(70 + 5 + 2);
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        assertThat(trial.factor(twoTo64).factors()).hasSize(64).containsOnly(BigInteger.TWO);
    }

    @Test
    void agreesWithAutoOnRandomValues() {
        Factorizer auto = Algorithm.AUTO.factorizer();
        long[] other = new long[64];
        SplittableRandom random = new SplittableRandom(4040);
        for (int i = 0; i < 1_000; i++) {
            long n = random.nextLong(1L << 36);
            int k = trial.factor(n, out);
            int j = auto.factor(n, other);
            assertThat(java.util.Arrays.copyOf(other, j)).as("n=%d", n).isEqualTo(java.util.Arrays.copyOf(out, k));
        }
    }

    @Test
    void rejectsNegativeNumbers() {
        assertThatThrownBy(() -> trial.factor(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isTheAlgorithmNamedTrial() {
        assertThat(Algorithm.TRIAL.factorizer()).isInstanceOf(TrialDivision.class);
        assertThat(Unsigned.fits(BigInteger.ONE.shiftLeft(64))).isFalse();
    }
}
