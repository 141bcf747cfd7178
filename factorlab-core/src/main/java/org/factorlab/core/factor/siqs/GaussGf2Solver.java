package org.factorlab.core.factor.siqs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Structured Gaussian elimination followed by dense bit-packed elimination.
 *
 * <p><b>Sparse phase</b> (after LaMacchia &amp; Odlyzko, "Solving large sparse linear systems over
 * finite fields", CRYPTO '90; Crandall &amp; Pomerance §6.1.3): a row holding a column nobody else
 * holds (a singleton) can be in no dependency and is dropped; rows beyond the columns plus the wanted
 * excess are dropped, heaviest first. Then light columns are eliminated: for a column of weight
 * {@code w ≤ 20}, its lightest row is added to the {@code w − 1} others and removed with the column.
 * Each surviving row remembers which original rows it is the sum of.
 *
 * <p><b>Dense phase</b>: the remaining {@code r × c} matrix, augmented with an {@code r × r} identity,
 * is reduced by forward elimination over {@code long[]} rows; rows that end with a zero left part give
 * dependencies, read from their identity part and expanded through the row histories. Cost
 * {@code O(r^2 (r + c) / 64)} word operations.
 *
 * <p>Stateless and thread-safe. Checks for interruption.
 */
public final class GaussGf2Solver implements Gf2Solver {

    private static final int MAX_MERGE_WEIGHT = 20;
    private static final int EXTRA_ROWS = 16;

    @Override
    public List<int[]> dependencies(int[][] rows, int columnCount, int maxDeps) {
        int nr = rows.length;
        int[][] r = rows.clone();
        int[][] hist = new int[nr][];
        boolean[] alive = new boolean[nr];
        int[] weight = new int[columnCount];
        for (int i = 0; i < nr; i++) {
            hist[i] = new int[] {i};
            alive[i] = true;
            for (int col : r[i]) {
                weight[col]++;
            }
        }
        int[] aliveCount = {nr};
        pruneAndTrim(r, alive, weight, aliveCount, maxDeps);

        // column -> rows (may hold stale entries; verified on use)
        int[][] colRows = new int[columnCount][];
        int[] colLen = new int[columnCount];
        for (int c = 0; c < columnCount; c++) {
            colRows[c] = new int[Math.max(2, weight[c])];
        }
        for (int i = 0; i < nr; i++) {
            if (alive[i]) {
                for (int col : r[i]) {
                    colRows[col][colLen[col]++] = i;
                }
            }
        }
        int[] members = new int[64];
        for (int w = 1; w <= MAX_MERGE_WEIGHT; w++) {
            boolean changed = true;
            while (changed) {
                changed = false;
                checkInterrupt();
                for (int c = 0; c < columnCount; c++) {
                    if (weight[c] == 0 || weight[c] > w) {
                        continue;
                    }
                    // collect current rows of column c
                    int k = 0;
                    int[] list = colRows[c];
                    for (int t = 0; t < colLen[c]; t++) {
                        int row = list[t];
                        if (alive[row] && Arrays.binarySearch(r[row], c) >= 0 && !contains(members, k, row)) {
                            if (k == members.length) {
                                members = Arrays.copyOf(members, 2 * k);
                            }
                            members[k++] = row;
                        }
                    }
                    // compact the list
                    System.arraycopy(members, 0, list, 0, k);
                    colLen[c] = k;
                    if (k == 0) {
                        continue;
                    }
                    int pivot = members[0];
                    for (int t = 1; t < k; t++) {
                        if (r[members[t]].length < r[pivot].length) {
                            pivot = members[t];
                        }
                    }
                    int[] pr = r[pivot];
                    for (int t = 0; t < k; t++) {
                        int o = members[t];
                        if (o == pivot) {
                            continue;
                        }
                        int[] old = r[o];
                        for (int col : pr) {
                            if (Arrays.binarySearch(old, col) >= 0) {
                                weight[col]--;
                            } else {
                                weight[col]++;
                                if (colLen[col] == colRows[col].length) {
                                    colRows[col] = Arrays.copyOf(colRows[col], 2 * colLen[col] + 2);
                                }
                                colRows[col][colLen[col]++] = o;
                            }
                        }
                        r[o] = xor(old, pr);
                        hist[o] = xor(hist[o], hist[pivot]);
                    }
                    alive[pivot] = false;
                    aliveCount[0]--;
                    for (int col : pr) {
                        weight[col]--;
                    }
                    changed = true;
                }
            }
        }
        pruneAndTrim(r, alive, weight, aliveCount, maxDeps);
        return dense(r, hist, alive, weight, columnCount, nr, maxDeps);
    }

    private static boolean contains(int[] xs, int n, int x) {
        for (int i = 0; i < n; i++) {
            if (xs[i] == x) {
                return true;
            }
        }
        return false;
    }

    private static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("linear algebra interrupted");
        }
    }

    /** Drops rows with singleton columns, then surplus rows (heaviest first), until stable. */
    private static void pruneAndTrim(int[][] r, boolean[] alive, int[] weight, int[] aliveCount, int maxDeps) {
        int nr = r.length;
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < nr; i++) {
                    if (!alive[i]) {
                        continue;
                    }
                    for (int col : r[i]) {
                        if (weight[col] == 1) {
                            kill(i, r, alive, weight, aliveCount);
                            changed = true;
                            break;
                        }
                    }
                }
            }
            int activeCols = 0;
            for (int w : weight) {
                if (w > 0) {
                    activeCols++;
                }
            }
            int excess = aliveCount[0] - activeCols - maxDeps - EXTRA_ROWS;
            if (excess <= 0) {
                return;
            }
            Integer[] order = new Integer[aliveCount[0]];
            int k = 0;
            for (int i = 0; i < nr; i++) {
                if (alive[i]) {
                    order[k++] = i;
                }
            }
            Arrays.sort(order, (x, y) -> Integer.compare(r[y].length, r[x].length));
            for (int t = 0; t < excess; t++) {
                kill(order[t], r, alive, weight, aliveCount);
            }
        }
    }

    private static void kill(int i, int[][] r, boolean[] alive, int[] weight, int[] aliveCount) {
        alive[i] = false;
        aliveCount[0]--;
        for (int col : r[i]) {
            weight[col]--;
        }
    }

    /** Symmetric difference of two sorted int arrays. */
    static int[] xor(int[] x, int[] y) {
        int[] out = new int[x.length + y.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                out[k++] = x[i++];
            } else if (x[i] > y[j]) {
                out[k++] = y[j++];
            } else {
                i++;
                j++;
            }
        }
        while (i < x.length) {
            out[k++] = x[i++];
        }
        while (j < y.length) {
            out[k++] = y[j++];
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static List<int[]> dense(int[][] r, int[][] hist, boolean[] alive, int[] weight, int columnCount,
                                     int originalRows, int maxDeps) {
        int[] colIndex = new int[columnCount];
        int nc = 0;
        for (int c = 0; c < columnCount; c++) {
            colIndex[c] = weight[c] > 0 ? nc++ : -1;
        }
        int[] rowIds = new int[r.length];
        int nr = 0;
        for (int i = 0; i < r.length; i++) {
            if (alive[i]) {
                rowIds[nr++] = i;
            }
        }
        int words = (nc + nr + 63) >>> 6;
        long[][] m = new long[nr][words];
        for (int i = 0; i < nr; i++) {
            for (int col : r[rowIds[i]]) {
                int ci = colIndex[col];
                m[i][ci >>> 6] |= 1L << ci;
            }
            int id = nc + i;
            m[i][id >>> 6] |= 1L << id;
        }
        boolean[] used = new boolean[nr];
        for (int c = 0; c < nc; c++) {
            if ((c & 63) == 0) {
                checkInterrupt();
            }
            int w = c >>> 6;
            long bit = 1L << c;
            int p = -1;
            for (int i = 0; i < nr; i++) {
                if (!used[i] && (m[i][w] & bit) != 0) {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                continue;
            }
            used[p] = true;
            long[] pr = m[p];
            for (int i = p + 1; i < nr; i++) {
                long[] row = m[i];
                if (!used[i] && (row[w] & bit) != 0) {
                    for (int k = w; k < words; k++) {
                        row[k] ^= pr[k];
                    }
                }
            }
        }
        List<int[]> deps = new ArrayList<>();
        boolean[] toggle = new boolean[originalRows];
        for (int i = 0; i < nr && deps.size() < maxDeps; i++) {
            if (used[i]) {
                continue;
            }
            Arrays.fill(toggle, false);
            for (int j = 0; j < nr; j++) {
                int id = nc + j;
                if ((m[i][id >>> 6] & (1L << id)) != 0) {
                    for (int orig : hist[rowIds[j]]) {
                        toggle[orig] = !toggle[orig];
                    }
                }
            }
            int count = 0;
            for (boolean t : toggle) {
                if (t) {
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            int[] dep = new int[count];
            int k = 0;
            for (int j = 0; j < originalRows; j++) {
                if (toggle[j]) {
                    dep[k++] = j;
                }
            }
            deps.add(dep);
        }
        return deps;
    }
}
