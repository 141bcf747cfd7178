package org.factorlab.core.factor.siqs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Timing harness (not a test): the GF(2) solvers on small SIQS-like matrices, thread CPU medians. */
public final class Gf2Small {
    private Gf2Small() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int reps = Integer.getInteger("reps", 40);
        for (String a : args) {
            int columns = Integer.parseInt(a);
            int[][] rows = Gf2TestMatrices.siqsLike(columns, columns + 64, columns);
            Gf2Filter.Result f = Gf2Filter.filter(rows, columns, 100);
            double[][] t = new double[4][reps];
            for (int r = 0; r < reps; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                Gf2Filter.filter(rows, columns, 100);
                long c1 = mx.getCurrentThreadCpuTime();
                new DenseGauss().dependencies(f.rows(), f.columnCount(), 64);
                long c2 = mx.getCurrentThreadCpuTime();
                new BlockLanczos().dependencies(f.rows(), f.columnCount(), 64);
                long c3 = mx.getCurrentThreadCpuTime();
                Gf2Solvers.defaultSolver().dependencies(rows, columns, 64);
                long c4 = mx.getCurrentThreadCpuTime();
                t[0][r] = (c1 - c0) / 1e6;
                t[1][r] = (c2 - c1) / 1e6;
                t[2][r] = (c3 - c2) / 1e6;
                t[3][r] = (c4 - c3) / 1e6;
            }
            for (double[] x : t) {
                java.util.Arrays.sort(x);
            }
            System.out.printf("%d columns (filtered %d x %d): filter %.2f dense %.2f lanczos %.2f default %.2f ms%n",
                    columns, f.rows().length, f.columnCount(), t[0][reps / 2], t[1][reps / 2], t[2][reps / 2],
                    t[3][reps / 2]);
        }
    }
}
