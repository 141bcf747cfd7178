package org.factorlab.core.factor.siqs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Block Lanczos on random sparse matrices: valid, independent, plentiful, reproducible. */
class BlockLanczosTest {

    static LongStream seeds() {
        return LongStream.range(0, 6).map(i -> 4_200 + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomMatricesAroundFiveHundredColumns(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int columns = 300 + random.nextInt(400);
        int rows = columns + 64 + random.nextInt(40);
        int[][] m = Gf2TestMatrices.randomWithPlanted(seed, rows, columns, 10 + random.nextInt(20));
        List<int[]> deps = new BlockLanczos().dependencies(m, columns, 64);
        Gf2TestMatrices.assertValid(m, columns, deps, 64);
        assertThat(deps.size()).isGreaterThanOrEqualTo(10);
        assertThat(Gf2TestMatrices.independentCount(deps)).isEqualTo(deps.size());
    }

    @Test
    void fiveHundredColumns() {
        assertPlentiful(500, 564, 5, 20);
    }

    @Test
    void fiveThousandColumns() {
        assertPlentiful(5_000, 5_064, 6, 20);
    }

    @Test
    void twentyThousandColumns() {
        assertPlentiful(20_000, 20_070, 7, 12);
    }

    private static void assertPlentiful(int columns, int rows, long seed, int weight) {
        int[][] m = Gf2TestMatrices.randomWithPlanted(seed, rows, columns, weight);
        List<int[]> deps = new BlockLanczos().dependencies(m, columns, 100);
        Gf2TestMatrices.assertValid(m, columns, deps, 100);
        assertThat(deps.size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void oneAttemptSucceedsWithTheDenseBlockOfHeavyColumns() {
        // SIQS-like columns: the first ones are heavy enough for the dense 64-column block.
        int[][] m = Gf2TestMatrices.siqsLike(21, 3_064, 3_000);
        for (long seed = 1; seed <= 3; seed++) {
            List<int[]> deps = BlockLanczos.singleAttempt(m, 3_000, 64, seed);
            assertThat(deps).isNotNull();
            Gf2TestMatrices.assertValid(m, 3_000, deps, 64);
            assertThat(deps.size()).isGreaterThanOrEqualTo(32);
        }
    }

    @Test
    void largeNullSpaceOfZeroAndDuplicateRows() {
        // Nullity far above 64: 150 zero rows and 300 duplicates among 2,000 rows over 1,800 columns.
        SplittableRandom random = new SplittableRandom(12);
        int[][] m = new int[2_000][];
        for (int i = 0; i < m.length; i++) {
            int kind = random.nextInt(40);
            if (kind < 3) {
                m[i] = new int[0];
            } else if (kind < 9 && i > 0) {
                m[i] = m[random.nextInt(i)];
            } else {
                m[i] = Gf2TestMatrices.randomRow(random, 1_800, 12);
            }
        }
        for (long seed = 1; seed <= 2; seed++) {
            List<int[]> deps = BlockLanczos.singleAttempt(m, 1_800, 64, seed);
            assertThat(deps).isNotNull();
            Gf2TestMatrices.assertValid(m, 1_800, deps, 64);
            assertThat(deps.size()).isGreaterThanOrEqualTo(32);
        }
    }

    @Test
    void sameInputSameAnswer() {
        int[][] m = Gf2TestMatrices.randomWithPlanted(11, 1_100, 1_000, 15);
        List<int[]> a = new BlockLanczos().dependencies(m, 1_000, 64);
        List<int[]> b = new BlockLanczos().dependencies(m, 1_000, 64);
        assertThat(Gf2TestMatrices.text(b)).isEqualTo(Gf2TestMatrices.text(a));
        List<int[]> c = new BlockLanczos(99).dependencies(m, 1_000, 64);
        Gf2TestMatrices.assertValid(m, 1_000, c, 64);
    }

    @Test
    void selectionInvertsTheChosenSubmatrix() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            // A random symmetric T of random rank.
            long[] g = new long[64];
            long mask = random.nextLong();
            for (int r = 0; r < 64; r++) {
                g[r] = random.nextLong() & mask;
            }
            long[] gt = transpose(g);
            long[] t = new long[64];
            BlockLanczos.mul64(gt, g, t);
            long sPrev = trial % 2 == 0 ? -1L : random.nextLong();
            long[] winv = new long[64];
            long s = BlockLanczos.select(t, sPrev, winv);
            if (s == 0) {
                continue;
            }
            // Winv·T restricted to S is the identity on S.
            long[] prod = new long[64];
            BlockLanczos.mul64(winv, t, prod);
            for (int r = 0; r < 64; r++) {
                if ((s >>> r & 1) != 0) {
                    assertThat(prod[r] & s).isEqualTo(1L << r);
                } else {
                    assertThat(winv[r]).isZero();
                }
            }
        }
    }

    private static long[] transpose(long[] m) {
        long[] t = new long[64];
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                if ((m[r] >>> c & 1) != 0) {
                    t[c] |= 1L << r;
                }
            }
        }
        return t;
    }
}
