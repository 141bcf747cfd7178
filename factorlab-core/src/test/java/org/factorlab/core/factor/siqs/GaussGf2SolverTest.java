package org.factorlab.core.factor.siqs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class GaussGf2SolverTest {

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    /** A random sparse matrix shaped like a sieve's: a few dense low columns, many light ones. */
    private static int[][] randomMatrix(SplittableRandom rnd, int rows, int cols) {
        int[][] m = new int[rows][];
        for (int i = 0; i < rows; i++) {
            TreeSet<Integer> set = new TreeSet<>();
            int weight = 2 + rnd.nextInt(12);
            for (int k = 0; k < weight; k++) {
                // skewed towards small column indices, like small primes
                double u = rnd.nextDouble();
                set.add((int) (cols * u * u * u));
            }
            m[i] = set.stream().mapToInt(Integer::intValue).toArray();
        }
        return m;
    }

    private static void assertDependency(int[][] m, int cols, int[] dep) {
        assertThat(dep).isNotEmpty();
        int[] parity = new int[cols];
        for (int i = 0; i < dep.length; i++) {
            if (i > 0) {
                assertThat(dep[i]).isGreaterThan(dep[i - 1]);
            }
            for (int c : m[dep[i]]) {
                parity[c] ^= 1;
            }
        }
        assertThat(parity).containsOnly(0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyReturnedSetXorsToZero(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cols = 50 + rnd.nextInt(900);
        int rows = cols + 1 + rnd.nextInt(80);
        int[][] m = randomMatrix(rnd, rows, cols);
        List<int[]> deps = new GaussGf2Solver().dependencies(m, cols, 32);
        assertThat(deps).isNotEmpty();
        for (int[] dep : deps) {
            assertDependency(m, cols, dep);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsAPlantedDependencyInAnIndependentSystem(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        int cols = 100 + rnd.nextInt(400);
        // identity-like rows are independent; plant row = xor of three others
        int rows = cols / 2;
        int[][] m = new int[rows + 1][];
        for (int i = 0; i < rows; i++) {
            m[i] = new int[] {i, rows + rnd.nextInt(cols - rows)};
            if (m[i][0] > m[i][1]) {
                m[i] = new int[] {m[i][1], m[i][0]};
            }
            if (m[i][0] == m[i][1]) {
                m[i] = new int[] {i};
            }
        }
        int a = rnd.nextInt(rows);
        int b = (a + 1 + rnd.nextInt(rows - 1)) % rows;
        m[rows] = GaussGf2Solver.xor(m[a], m[b]);
        List<int[]> deps = new GaussGf2Solver().dependencies(m, cols, 8);
        assertThat(deps).isNotEmpty();
        for (int[] dep : deps) {
            assertDependency(m, cols, dep);
            assertThat(dep).contains(rows);
        }
    }
}
