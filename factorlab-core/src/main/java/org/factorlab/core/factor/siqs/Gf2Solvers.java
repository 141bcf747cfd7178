package org.factorlab.core.factor.siqs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GF(2) solver to use from the sieve: {@link Gf2Filter} first (singletons, excess rows, weight-2
 * merges), then {@link DenseGauss} for a small remaining matrix and {@link BlockLanczos} for a large
 * one, with the dependencies mapped back to the caller's row indices (a dependency may then name
 * many input rows: each merged row stands for several).
 *
 * <p>The threshold ({@value #LANCZOS_FROM} filtered columns) is where the two solvers took about the
 * same time on filtered SIQS-like matrices ({@code Gf2TestMatrices.siqsLike}, 20–40 nonzeros per
 * row), both compiled as the launcher has them compiled (median thread CPU time of 7 runs): 755
 * columns, dense Gauss 10.8 ms and block Lanczos 18.4 ms; 1,080 columns 20.2 and 15.1 ms; 1,539
 * columns 41.9 and 21.5 ms; 3,619 columns 181 and 82 ms. Dense Gauss is cubic, Lanczos quadratic with
 * a larger constant. (The threshold was 500 before dense Gauss took the sparse columns first; that
 * sent 40-digit SIQS matrices, ~700 columns, to Lanczos, whose compilation then also weighed on
 * short runs.) Measured earlier on SIQS-like matrices with rows = columns + 100, the whole call
 * (filter included, thread CPU time on a loaded 2-core machine) took about 0.2 s for 10,000 columns,
 * 0.5–0.8 s for 20,000 and 0.9–1.1 s for 30,000 (filtered to 13,150 × 13,050), allocating 14, 23 and
 * 31 MB in total.
 *
 * <p>The filter keeps {@code max(}{@value #MIN_EXCESS}{@code , maxDeps + 16)} more rows than columns, so
 * at least that many dependencies exist in what is solved; block Lanczos returns up to about 64 of
 * them per run.
 *
 * <p>Thread-safe and deterministic: the same input gives the same list.
 */
public final class Gf2Solvers {

    /** Filtered column count from which block Lanczos is used. */
    static final int LANCZOS_FROM = 1_000;
    static final int MIN_EXCESS = 100;

    private static final Gf2Solver DEFAULT = Gf2Solvers::filteredDependencies;

    private Gf2Solvers() {
    }

    /** Filter, then dense Gauss or block Lanczos by size; see the class comment. */
    public static Gf2Solver defaultSolver() {
        return DEFAULT;
    }

    private static List<int[]> filteredDependencies(int[][] rows, int columnCount, int maxDeps) {
        Gf2Rows.check(rows, columnCount, maxDeps);
        if (rows.length == 0 || maxDeps == 0) {
            return new ArrayList<>();
        }
        long excess = Math.max(MIN_EXCESS, (long) maxDeps + 16);
        Gf2Filter.Result filtered = Gf2Filter.filter(rows, columnCount, excess);
        if (filtered.rows().length == 0) {
            return new ArrayList<>();
        }
        Gf2Solver solver = filtered.columnCount() < LANCZOS_FROM ? new DenseGauss() : new BlockLanczos();
        List<int[]> deps = solver.dependencies(filtered.rows(), filtered.columnCount(), maxDeps);
        int[][] sets = filtered.rowSets();
        List<int[]> result = new ArrayList<>(deps.size());
        for (int[] dep : deps) {
            int size = 0;
            for (int r : dep) {
                size += sets[r].length;
            }
            int[] original = new int[size];
            int at = 0;
            for (int r : dep) {
                System.arraycopy(sets[r], 0, original, at, sets[r].length);
                at += sets[r].length;
            }
            // The sets of distinct filtered rows are disjoint, so this is a set already.
            Arrays.sort(original);
            result.add(original);
        }
        return result;
    }
}
