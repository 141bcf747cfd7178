package org.factorlab.core.factor.siqs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Times the GF(2) solvers (not a test): {@code java ... Gf2Bench [columns...]}.
 *
 * <p>Part 1: SIQS-like matrices ({@link Gf2TestMatrices#siqsLike}, 20–40 nonzeros per row, column
 * weights ~ 1/p_j, rows = columns + 100) through {@link Gf2Solvers#defaultSolver()}, with the filter
 * timed separately. Part 2: dense Gauss against block Lanczos on uniform random matrices around the
 * crossover. Reports medians of thread CPU time (robust on a shared machine) and of wall time over
 * several runs after warm-up.
 */
public final class Gf2Bench {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOC =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Gf2Bench() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 20_000, 30_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int reps = Integer.getInteger("reps", 5);
        boolean crossover = !Boolean.getBoolean("noCrossover");
        // Warm-up on a mid-size matrix.
        int[][] warm = Gf2TestMatrices.siqsLike(1, 5_100, 5_000);
        for (int i = 0; i < 3; i++) {
            Gf2Solvers.defaultSolver().dependencies(warm, 5_000, 64);
        }
        System.out.println("SIQS-like: columns, rows, nnz -> filtered rows x cols (nnz); filter ms; solve ms (CPU / wall medians, filter included); deps; bytes allocated by one solve");
        for (int columns : sizes) {
            int rowsCount = columns + 100;
            int[][] rows = Gf2TestMatrices.siqsLike(columns, rowsCount, columns);
            long nnz = Arrays.stream(rows).mapToLong(r -> r.length).sum();
            Gf2Filter.Result f = Gf2Filter.filter(rows, columns, 100);
            long fnnz = Arrays.stream(f.rows()).mapToLong(r -> r.length).sum();
            double[] filterCpu = new double[reps];
            double[] cpu = new double[reps];
            double[] wall = new double[reps];
            int deps = 0;
            long allocated = 0;
            for (int r = 0; r < reps; r++) {
                long c0 = MX.getCurrentThreadCpuTime();
                Gf2Filter.filter(rows, columns, 100);
                filterCpu[r] = (MX.getCurrentThreadCpuTime() - c0) / 1e6;
                long w0 = System.nanoTime();
                c0 = MX.getCurrentThreadCpuTime();
                long a0 = ALLOC.getCurrentThreadAllocatedBytes();
                List<int[]> d = Gf2Solvers.defaultSolver().dependencies(rows, columns, 64);
                allocated = ALLOC.getCurrentThreadAllocatedBytes() - a0;
                cpu[r] = (MX.getCurrentThreadCpuTime() - c0) / 1e6;
                wall[r] = (System.nanoTime() - w0) / 1e6;
                deps = d.size();
            }
            System.out.printf("%,7d x %,7d nnz %,9d -> %,6d x %,6d (%,9d); filter %6.1f; solve %7.1f / %7.1f; %d deps; allocated %.1f MB%n",
                    rowsCount, columns, nnz, f.rows().length, f.columnCount(), fnnz, median(filterCpu),
                    median(cpu), median(wall), deps, allocated / 1e6);
        }
        if (crossover) {
            System.out.println("Uniform random, weight 20, rows = columns + 64: dense Gauss vs block Lanczos (CPU ms medians)");
            for (int columns : new int[] {250, 500, 1_000, 1_500, 2_000, 3_000}) {
                int[][] rows = Gf2TestMatrices.randomWithPlanted(columns, columns + 64, columns, 20);
                double[] dense = new double[reps];
                double[] lanczos = new double[reps];
                for (int r = 0; r < reps; r++) {
                    long c0 = MX.getCurrentThreadCpuTime();
                    new DenseGauss().dependencies(rows, columns, 64);
                    dense[r] = (MX.getCurrentThreadCpuTime() - c0) / 1e6;
                    c0 = MX.getCurrentThreadCpuTime();
                    new BlockLanczos().dependencies(rows, columns, 64);
                    lanczos[r] = (MX.getCurrentThreadCpuTime() - c0) / 1e6;
                }
                System.out.printf("%,6d columns: dense %7.1f, Lanczos %7.1f%n", columns, median(dense), median(lanczos));
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
