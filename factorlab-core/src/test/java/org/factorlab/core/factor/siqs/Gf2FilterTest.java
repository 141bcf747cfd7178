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
        boolean merge = random.nextBoolean();
        Gf2Filter.Result f = Gf2Filter.filter(m, columns, excess, merge);
        int[][] fr = f.rows();
        // Each kept row is the XOR of its (disjoint) input rows, renumbered monotonically; no empty
        // or singleton column; with merges, no weight-2 column either... unless excess trimming
        // made it so afterwards, so only "no singleton" is required.
        int[] weight = new int[f.columnCount()];
        boolean[] used = new boolean[m.length];
        int[] back = new int[f.columnCount()];
        for (int i = 0; i < fr.length; i++) {
            int[] origins = f.rowSets()[i];
            int[][] parts = new int[origins.length][];
            for (int k = 0; k < origins.length; k++) {
                assertThat(used[origins[k]]).isFalse();
                used[origins[k]] = true;
                parts[k] = m[origins[k]];
            }
            int[] xor = Gf2TestMatrices.xor(parts);
            assertThat(fr[i]).hasSameSizeAs(xor);
            for (int k = 0; k < fr[i].length; k++) {
                weight[fr[i][k]]++;
                back[fr[i][k]] = xor[k];
                if (k > 0) {
                    assertThat(fr[i][k]).isGreaterThan(fr[i][k - 1]);
                }
            }
            if (!merge) {
                assertThat(origins).hasSize(1);
            }
        }
        for (int c = 1; c < back.length; c++) {
            assertThat(back[c]).isGreaterThan(back[c - 1]);
        }
        assertThat(Arrays.stream(weight).min().orElse(2)).isGreaterThanOrEqualTo(2);
        assertThat(fr.length - f.columnCount()).isLessThanOrEqualTo(excess);
        // Singleton removal and merges lose no dependency: with unlimited excess the nullity is kept.
        Gf2Filter.Result all = Gf2Filter.filter(m, columns, Long.MAX_VALUE, merge);
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
        Gf2Filter.Result f = Gf2Filter.filter(m, 8, 64, false);
        assertThat(f.rowSets()).isDeepEqualTo(new int[][] {{0}, {2}, {3}});
        assertThat(f.columnCount()).isEqualTo(2);
        assertThat(f.rows()).isDeepEqualTo(new int[][] {{0, 1}, {0, 1}, {}});
        // Merging column 0 makes rows 0 and 2 one empty row (column 5 cancels too).
        f = Gf2Filter.filter(m, 8, 64);
        assertThat(f.rowSets()).isDeepEqualTo(new int[][] {{0, 2}, {3}});
        assertThat(f.columnCount()).isZero();
        assertThat(f.rows()).isDeepEqualTo(new int[][] {{}, {}});
    }

    @Test
    void mergesFollowChains() {
        // Rows i = {i, i+1} for i < 20 and row 20 = {0, 20}: a cycle of weight-2 columns. Merging
        // collapses it to one empty row standing for all 21 rows.
        int[][] cycle = new int[21][];
        for (int i = 0; i < 20; i++) {
            cycle[i] = new int[] {i, i + 1};
        }
        cycle[20] = new int[] {0, 20};
        Gf2Filter.Result f = Gf2Filter.filter(cycle, 21, 64);
        assertThat(f.rows()).isDeepEqualTo(new int[][] {{}});
        assertThat(f.rowSets()[0]).hasSize(21);
    }
}
