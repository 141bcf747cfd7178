package org.factorlab.core.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomWorkloadTest {
    @Test
    void theIthNumberDependsOnlyOnSeedAndIndex() {
        RandomWorkload a = new RandomWorkload(42, 1000, 20_000, 100_000_000);
        RandomWorkload b = new RandomWorkload(42, 5, 20_000, 100_000_000);
        for (int i = 999; i >= 0; i--) { // any order gives the same numbers
            assertThat(a.number(i)).isEqualTo(b.number(i));
        }
        assertThat(new RandomWorkload(43, 5, 20_000, 100_000_000).number(0)).isNotEqualTo(a.number(0));
    }

    @Test
    void staysWithinTheRangeIncludingTheFull64BitRange() {
        RandomWorkload small = new RandomWorkload(1, 0, 5, 7);
        boolean[] seen = new boolean[8];
        for (int i = 0; i < 1000; i++) {
            long n = small.number(i);
            assertThat(n).isBetween(5L, 7L);
            seen[(int) n] = true;
        }
        assertThat(seen[5] && seen[6] && seen[7]).isTrue();
        RandomWorkload top = new RandomWorkload(1, 0, -10L, -1L); // [2^64-10, 2^64-1]
        for (int i = 0; i < 1000; i++) {
            assertThat(Long.compareUnsigned(top.number(i), -10L)).isGreaterThanOrEqualTo(0);
        }
        RandomWorkload all = new RandomWorkload(1, 0, 0, -1L);
        long negatives = 0;
        for (int i = 0; i < 10_000; i++) {
            negatives += all.number(i) < 0 ? 1 : 0;
        }
        assertThat(negatives).isBetween(4_500L, 5_500L); // the top half of the unsigned range is drawn too
    }

    @Test
    void isRoughlyUniform() {
        RandomWorkload w = new RandomWorkload(9, 0, 0, 9);
        int[] counts = new int[10];
        for (int i = 0; i < 100_000; i++) {
            counts[(int) w.number(i)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_400, 10_600); // > 6 standard deviations from 10,000
        }
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThatThrownBy(() -> new RandomWorkload(1, 1, 10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
