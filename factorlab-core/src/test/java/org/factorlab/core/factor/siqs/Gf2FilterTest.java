package org.factorlab.core.factor.siqs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Gf2Filter removes only rows that cannot matter and keeps the promised excess. */
class Gf2FilterTest {

    static LongStream seeds() {
        return LongStream.range(0, 10).map(i -> 7_700 + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keepsTheNullityAndTheExcess(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int columns = 50 + random.nextInt(400);
        int rows = columns + random.nextInt(200);
        int[][] m = seed % 2 == 0 ? Gf2TestMatrices.siqsLike(seed, rows, columns)
                : Gf2TestMatrices.randomWithPlanted(seed, rows, columns, 2 + random.nextInt(6));
        int excess = 10 + random.nextInt(60);
        Gf2Filter.Result f = Gf2Filter.filter(m, columns, excess);
        int[][] fr = f.rows();
        // Each kept row is the original row, renumbered monotonically; no empty or singleton column.
        int[] weight = new int[f.columnCount()];
        for (int i = 0; i < fr.length; i++) {
            assertThat(fr[i]).hasSameSizeAs(m[f.rowMap()[i]]);
            for (int k = 0; k < fr[i].length; k++) {
                weight[fr[i][k]]++;
                if (k > 0) {
                    assertThat(fr[i][k]).isGreaterThan(fr[i][k - 1]);
                }
            }
            if (i > 0) {
                assertThat(f.rowMap()[i]).isGreaterThan(f.rowMap()[i - 1]);
            }
        }
        assertThat(Arrays.stream(weight).min().orElse(2)).isGreaterThanOrEqualTo(2);
        assertThat(fr.length - f.columnCount()).isLessThanOrEqualTo(excess);
        // Singleton removal alone loses no dependency: with unlimited excess the nullity is kept.
        Gf2Filter.Result all = Gf2Filter.filter(m, columns, Long.MAX_VALUE);
        int nullity = m.length - Gf2TestMatrices.rank(m);
        assertThat(all.rows().length - Gf2TestMatrices.rank(all.rows())).isEqualTo(nullity);
        // With the excess limit, at least min(nullity, excess) dependencies remain... when the excess
        // was the binding constraint, rows - columns = excess guarantees that many.
        int fNullity = fr.length - Gf2TestMatrices.rank(fr);
        assertThat(fNullity).isGreaterThanOrEqualTo(Math.min(fr.length - f.columnCount(), nullity));
    }

    @Test
    void singletonChainsCollapse() {
        // Row i holds columns i and i+1: column 0 is a singleton, and removing row 0 makes column 1
        // one, and so on: everything goes.
        int[][] chain = new int[50][];
        for (int i = 0; i < 50; i++) {
            chain[i] = new int[] {i, i + 1};
        }
        Gf2Filter.Result f = Gf2Filter.filter(chain, 51, 64);
        assertThat(f.rows()).isEmpty();
        assertThat(f.columnCount()).isZero();
    }

    @Test
    void duplicatesAndZeroRowsSurvive() {
        int[][] m = {{0, 5}, {3}, {0, 5}, {}, {1, 2}, {7}};
        Gf2Filter.Result f = Gf2Filter.filter(m, 8, 64);
        assertThat(f.rowMap()).containsExactly(0, 2, 3);
        assertThat(f.columnCount()).isEqualTo(2);
        assertThat(f.rows()).isDeepEqualTo(new int[][] {{0, 1}, {0, 1}, {}});
        assertThat(Arrays.stream(f.rows()).mapToInt(r -> r.length).sum()).isEqualTo(4);
    }
}
