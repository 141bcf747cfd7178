package org.factorlab.core.factor.siqs;

import java.util.concurrent.CancellationException;

/** Helpers shared by the GF(2) solvers: input checks and interrupts. */
final class Gf2Rows {

    private Gf2Rows() {
    }

    /**
     * Checks the {@link Gf2Solver} input contract: every row non-null, strictly increasing, with
     * columns in {@code [0, columnCount)}.
     *
     * @return the total number of nonzeros
     */
    static long check(int[][] rows, int columnCount, int maxDeps) {
        if (columnCount < 0) {
            throw new IllegalArgumentException("columnCount < 0: " + columnCount);
        }
        if (maxDeps < 0) {
            throw new IllegalArgumentException("maxDeps < 0: " + maxDeps);
        }
        long nnz = 0;
        for (int i = 0; i < rows.length; i++) {
            int[] row = rows[i];
            if (row == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            int prev = -1;
            for (int c : row) {
                if (c <= prev || c >= columnCount) {
                    throw new IllegalArgumentException("row " + i + ": columns must be strictly increasing in [0, "
                            + columnCount + "), got " + c + " after " + prev);
                }
                prev = c;
            }
            nnz += row.length;
        }
        return nnz;
    }

    static void checkInterrupt(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException(what + " interrupted");
        }
    }
}
