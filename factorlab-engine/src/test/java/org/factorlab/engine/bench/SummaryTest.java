package org.factorlab.engine.bench;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        Summary s = Summary.of(3.0, 1.0, 2.0);
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.median()).isEqualTo(2.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Summary.of(4.0, 1.0, 3.0, 2.0).median()).isEqualTo(2.5);
        assertThat(Summary.of(7.0).median()).isEqualTo(7.0);
    }

    @Test
    void madIsTheMedianOfTheAbsoluteDeviationsAndIgnoresAnOutlier() {
        // median 3; deviations 2, 1, 0, 1, 97 -> sorted 0, 1, 1, 2, 97 -> median 1
        assertThat(Summary.of(1, 2, 3, 4, 100).mad()).isEqualTo(1.0);
        // median 2.5; deviations 1.5, 0.5, 0.5, 1.5 -> median (0.5 + 1.5) / 2 = 1
        assertThat(Summary.of(1, 2, 3, 4).mad()).isEqualTo(1.0);
        assertThat(Summary.of(5, 5, 5).mad()).isZero();
    }

    @Test
    void doesNotModifyItsInput() {
        double[] values = {3, 1, 2};
        Summary.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void rejectsNoSamples() {
        assertThatThrownBy(Summary::of).isInstanceOf(IllegalArgumentException.class);
    }

    /*
     * The interval [x(k), x(n-1-k)] (0-based) misses the median only when at most k samples fall on one
     * side of it, so it covers with probability 1 - 2 P(B <= k), B ~ Binomial(n, 1/2):
     *   n = 5:  P(B <= 0) = 1/32 = 3.1% > 2.5%              -> no k reaches 95%: the full range
     *   n = 6:  P(B <= 0) = 1/64 = 1.6%, P(B <= 1) = 7/64 = 10.9%       -> k = 0: [x0, x5]
     *   n = 10: P(B <= 1) = 11/1024 = 1.1%, P(B <= 2) = 56/1024 = 5.5%  -> k = 1: [x1, x8]
     */
    @Test
    void fiveSamplesGiveTheFullRange() {
        Summary s = Summary.of(5, 3, 1, 4, 2);
        assertThat(s.ciLow()).isEqualTo(1.0);
        assertThat(s.ciHigh()).isEqualTo(5.0);
    }

    @Test
    void sixSamplesGiveTheExtremes() {
        assertThat(Summary.orderStatisticRank(6)).isZero();
        Summary s = Summary.of(6, 2, 5, 1, 4, 3);
        assertThat(s.ciLow()).isEqualTo(1.0);
        assertThat(s.ciHigh()).isEqualTo(6.0);
    }

    @Test
    void tenSamplesGiveTheSecondSmallestAndSecondLargest() {
        assertThat(Summary.orderStatisticRank(10)).isEqualTo(1);
        Summary s = Summary.of(10, 3, 7, 1, 9, 2, 8, 4, 6, 5);
        assertThat(s.ciLow()).isEqualTo(2.0);
        assertThat(s.ciHigh()).isEqualTo(9.0);
        assertThat(s.median()).isEqualTo(5.5);
    }

    @Test
    void rankIsTheLargestWhoseBinomialTailIsAtMostTwoAndAHalfPercent() {
        for (int n = 1; n <= 60; n++) {
            int k = Summary.orderStatisticRank(n);
            if (k >= 0) {
                assertThat(lowerTail(n, k)).as("n=%d k=%d", n, k).isLessThanOrEqualTo(0.025);
            }
            assertThat(lowerTail(n, k + 1)).as("n=%d k+1=%d", n, k + 1).isGreaterThan(0.025);
        }
        assertThat(Summary.orderStatisticRank(5)).isEqualTo(-1);
        assertThat(Summary.orderStatisticRank(20)).isEqualTo(5); // the textbook [x(6), x(15)], 1-based
    }

    /** P(Binomial(n, 1/2) <= k), exactly (binomial coefficients as BigInteger), then as a double. */
    private static double lowerTail(int n, int k) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE; // C(n, 0)
        for (int j = 0; j <= k; j++) {
            sum = sum.add(choose);
            choose = choose.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
        }
        return sum.doubleValue() / BigInteger.TWO.pow(n).doubleValue();
    }
}
