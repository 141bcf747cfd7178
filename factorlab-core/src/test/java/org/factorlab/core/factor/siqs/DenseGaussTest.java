package org.factorlab.core.factor.siqs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DenseGauss finds exactly n − rank independent dependencies, each XORing to zero. */
class DenseGaussTest {

    private final DenseGauss gauss = new DenseGauss();

    static LongStream seeds() {
        return LongStream.range(0, 12).map(i -> 9_100 + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsAllOfTheNullSpace(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int columns = 1 + random.nextInt(300);
        int rows = 1 + random.nextInt(columns + 80);
        int[][] m = Gf2TestMatrices.randomWithPlanted(seed, rows, columns, 1 + random.nextInt(12));
        List<int[]> deps = gauss.dependencies(m, columns, Integer.MAX_VALUE);
        Gf2TestMatrices.assertValid(m, columns, deps, Integer.MAX_VALUE);
        int nullity = rows - Gf2TestMatrices.rank(m);
        assertThat(deps).hasSize(nullity);
        assertThat(Gf2TestMatrices.independentCount(deps)).isEqualTo(nullity);
    }

    @Test
    void respectsMaxDepsAndIsDeterministic() {
        int[][] m = Gf2TestMatrices.randomWithPlanted(7, 400, 300, 8);
        List<int[]> deps = gauss.dependencies(m, 300, 10);
        Gf2TestMatrices.assertValid(m, 300, deps, 10);
        assertThat(deps).hasSize(10);
        List<int[]> again = gauss.dependencies(m, 300, 10);
        assertThat(Gf2TestMatrices.text(again)).isEqualTo(Gf2TestMatrices.text(deps));
        assertThat(gauss.dependencies(m, 300, 0)).isEmpty();
    }

    @Test
    void edgeCases() {
        assertThat(gauss.dependencies(new int[0][], 5, 10)).isEmpty();
        assertThat(gauss.dependencies(new int[][] {{0, 3}}, 5, 10)).isEmpty();
        assertThat(gauss.dependencies(new int[][] {{}}, 5, 10)).containsExactly(new int[] {0});
        assertThat(gauss.dependencies(new int[][] {{}}, 0, 10)).containsExactly(new int[] {0});
        int[][] equal = {{1, 2}, {1, 2}, {1, 2}, {1, 2}};
        List<int[]> deps = gauss.dependencies(equal, 3, 10);
        Gf2TestMatrices.assertValid(equal, 3, deps, 10);
        assertThat(deps).hasSize(3);
        int[][] withZero = {{0}, {}, {1}, {0, 1}};
        deps = gauss.dependencies(withZero, 2, 10);
        Gf2TestMatrices.assertValid(withZero, 2, deps, 10);
        assertThat(deps).hasSize(2);
    }

    @Test
    void rejectsMalformedRows() {
        assertThatThrownBy(() -> gauss.dependencies(new int[][] {{2, 1}}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gauss.dependencies(new int[][] {{1, 1}}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gauss.dependencies(new int[][] {{3}}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gauss.dependencies(new int[][] {null}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
