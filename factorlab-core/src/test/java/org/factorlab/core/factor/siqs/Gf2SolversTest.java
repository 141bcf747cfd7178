package org.factorlab.core.factor.siqs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default solver (filter + dense Gauss or block Lanczos) on SIQS-like and awkward matrices. */
class Gf2SolversTest {

    private final Gf2Solver solver = Gf2Solvers.defaultSolver();

    static LongStream seeds() {
        return LongStream.range(0, 6).map(i -> 31_000 + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void siqsLikeMatricesOfManySizes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int columns = 100 + random.nextInt(seed % 2 == 0 ? 600 : 3_000);
        int rows = columns + 64 + random.nextInt(64);
        int[][] m = Gf2TestMatrices.siqsLike(seed, rows, columns);
        List<int[]> deps = solver.dependencies(m, columns, 64);
        Gf2TestMatrices.assertValid(m, columns, deps, 64);
        assertThat(deps.size()).isGreaterThanOrEqualTo(10);
        assertThat(Gf2TestMatrices.text(solver.dependencies(m, columns, 64))).isEqualTo(Gf2TestMatrices.text(deps));
    }

    @Test
    void bigSiqsLikeMatrix() {
        int[][] m = Gf2TestMatrices.siqsLike(5, 10_100, 10_000);
        List<int[]> deps = solver.dependencies(m, 10_000, 64);
        Gf2TestMatrices.assertValid(m, 10_000, deps, 64);
        assertThat(deps.size()).isGreaterThanOrEqualTo(32);
    }

    @Test
    void singletonColumnsAndDuplicateRows() {
        SplittableRandom random = new SplittableRandom(77);
        int columns = 2_000;
        int[][] m = new int[2_100][];
        for (int i = 0; i < m.length; i++) {
            if (i % 7 == 3) {
                m[i] = m[i - 1 - random.nextInt(3)]; // a duplicate of a recent row
            } else {
                int[] row = Gf2TestMatrices.randomRow(random, 1_300, 15);
                // Every fifth row also gets a private column in [1300, 2000): a singleton.
                m[i] = i % 5 == 0 ? Gf2TestMatrices.xor(row, new int[] {1_300 + i / 5 % 700}) : row;
            }
        }
        for (Gf2Solver s : List.of(solver, new BlockLanczos(), new DenseGauss())) {
            List<int[]> deps = s.dependencies(m, columns, 64);
            Gf2TestMatrices.assertValid(m, columns, deps, 64);
            assertThat(deps.size()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void interruptionCancelsAndLeavesTheFlagSet() {
        int[][] m = Gf2TestMatrices.siqsLike(9, 2_100, 2_000);
        for (Gf2Solver s : List.of(solver, new BlockLanczos(), new DenseGauss())) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> s.dependencies(m, 2_000, 64)).isInstanceOf(CancellationException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void tinyEdgeCases() {
        for (Gf2Solver s : List.of(solver, new BlockLanczos(), new DenseGauss())) {
            assertThat(s.dependencies(new int[0][], 0, 10)).isEmpty();
            assertThat(s.dependencies(new int[][] {{0, 2}}, 3, 10)).isEmpty();
            assertThat(s.dependencies(new int[][] {{}}, 3, 10)).containsExactly(new int[] {0});
            assertThat(s.dependencies(new int[][] {{1}, {1}}, 3, 0)).isEmpty();
            int[][] equal = {{0, 4, 9}, {0, 4, 9}, {0, 4, 9}, {0, 4, 9}, {0, 4, 9}};
            List<int[]> deps = s.dependencies(equal, 10, 10);
            Gf2TestMatrices.assertValid(equal, 10, deps, 10);
            assertThat(deps).hasSize(4);
            int[][] withZero = {{1, 2}, {}, {2, 3}, {1, 3}};
            deps = s.dependencies(withZero, 4, 10);
            Gf2TestMatrices.assertValid(withZero, 4, deps, 10);
            assertThat(deps).hasSize(2);
        }
    }

    @Test
    void moreColumnsThanRowsMayHaveNoDependency() {
        int[][] m = Gf2TestMatrices.randomWithPlanted(3, 900, 2_000, 12);
        for (Gf2Solver s : List.of(solver, new BlockLanczos())) {
            List<int[]> deps = s.dependencies(m, 2_000, 64);
            Gf2TestMatrices.assertValid(m, 2_000, deps, 64);
        }
    }
}
