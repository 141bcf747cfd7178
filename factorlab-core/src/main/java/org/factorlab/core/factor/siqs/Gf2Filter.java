package org.factorlab.core.factor.siqs;

import java.util.Arrays;

/**
 * Shrinks a GF(2) relation matrix before the dependency search without changing what can be found:
 * the structured-Gauss "pruning" steps of sieve implementations (C. Pomerance and J. W. Smith,
 * "Reduction of huge, sparse matrices over finite fields via created catastrophes", Experimental
 * Math. 1 (1992) 89–94; Crandall &amp; Pomerance, <i>Prime Numbers</i>, §6.1.3).
 *
 * <ol>
 * <li><b>Singletons.</b> A column set in exactly one row can never cancel, so that row is in no
 * dependency: remove it, which lowers the weights of its other columns; repeat until no column has
 * weight 1 (a work queue, so each row is removed once).
 * <li><b>Excess.</b> Once rows exceed live columns by more than {@code excess}, the heaviest rows
 * are dropped (the rest still has at least {@code excess} independent dependencies: nullity ≥
 * rows − columns), then singletons are removed again, until the excess is right.
 * <li><b>Empty columns</b> are dropped and the live ones renumbered in their original order (so the
 * dense small-prime columns stay first).
 * </ol>
 *
 * <p>Every dependency of the result is one of the input (through {@link Result#rowMap()}), and
 * every input row that was dropped in step 1 is in no dependency. On a SIQS matrix built with large
 * primes this removes most of the large-prime columns and their relations.
 *
 * <p><b>Cost.</b> {@code O(nnz + n log n)} time per excess round (usually one or two), about
 * {@code 4·nnz + 20·n} bytes. Stateless and thread-safe.
 */
public final class Gf2Filter {

    private Gf2Filter() {
    }

    /**
     * The filtered matrix.
     *
     * @param rows        the remaining rows, columns renumbered to {@code [0, columnCount)}
     * @param columnCount number of live columns
     * @param rowMap      {@code rowMap[i]} = index in the input of filtered row {@code i}, increasing
     */
    public record Result(int[][] rows, int columnCount, int[] rowMap) {
    }

    /**
     * Filters {@code rows} (the {@link Gf2Solver} input format), keeping at most {@code excess} more
     * rows than live columns.
     */
    public static Result filter(int[][] rows, int columnCount, long excess) {
        Gf2Rows.check(rows, columnCount, 0);
        if (excess < 0) {
            throw new IllegalArgumentException("excess < 0: " + excess);
        }
        int n = rows.length;
        int[] weight = new int[columnCount];
        for (int[] row : rows) {
            for (int c : row) {
                weight[c]++;
            }
        }
        // Column -> rows index (compressed), to find the one row of a singleton column.
        int[] colStart = new int[columnCount + 1];
        for (int c = 0; c < columnCount; c++) {
            colStart[c + 1] = colStart[c] + weight[c];
        }
        int[] colRows = new int[colStart[columnCount]];
        int[] fill = Arrays.copyOf(colStart, columnCount);
        for (int i = 0; i < n; i++) {
            for (int c : rows[i]) {
                colRows[fill[c]++] = i;
            }
        }
        boolean[] removed = new boolean[n];
        int liveRows = n;
        int liveCols = 0;
        for (int c = 0; c < columnCount; c++) {
            if (weight[c] > 0) {
                liveCols++;
            }
        }
        int[] queue = new int[columnCount + n + 1];
        int[] counts = {liveRows, liveCols};
        removeSingletons(rows, weight, colStart, colRows, removed, queue, counts);
        while (counts[0] - (long) counts[1] > excess) {
            Gf2Rows.checkInterrupt("GF(2) filter");
            int drop = (int) (counts[0] - counts[1] - excess);
            Integer[] order = new Integer[counts[0]];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (!removed[i]) {
                    order[t++] = i;
                }
            }
            // Heaviest first; ties by higher index so the result is deterministic.
            Arrays.sort(order, (a, b) -> rows[a].length != rows[b].length
                    ? Integer.compare(rows[b].length, rows[a].length) : Integer.compare(b, a));
            for (int k = 0; k < drop; k++) {
                removeRow(rows, order[k], weight, removed, counts);
            }
            removeSingletons(rows, weight, colStart, colRows, removed, queue, counts);
        }
        int[] newIndex = new int[columnCount];
        int live = 0;
        for (int c = 0; c < columnCount; c++) {
            newIndex[c] = weight[c] > 0 ? live++ : -1;
        }
        int[][] out = new int[counts[0]][];
        int[] rowMap = new int[counts[0]];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (removed[i]) {
                continue;
            }
            int[] row = rows[i];
            int[] mapped = new int[row.length];
            for (int k = 0; k < row.length; k++) {
                mapped[k] = newIndex[row[k]];
            }
            out[r] = mapped;
            rowMap[r++] = i;
        }
        return new Result(out, live, rowMap);
    }

    /** Removes rows holding a weight-1 column until there is none. counts = {live rows, live cols}. */
    private static void removeSingletons(int[][] rows, int[] weight, int[] colStart, int[] colRows,
                                         boolean[] removed, int[] queue, int[] counts) {
        int head = 0;
        int tail = 0;
        for (int c = 0; c < weight.length; c++) {
            if (weight[c] == 1) {
                queue[tail++] = c;
            }
        }
        while (head < tail) {
            int c = queue[head++];
            if (weight[c] != 1) {
                continue;
            }
            int row = -1;
            for (int k = colStart[c]; k < colStart[c + 1]; k++) {
                if (!removed[colRows[k]]) {
                    row = colRows[k];
                    break;
                }
            }
            for (int cc : rows[row]) {
                if (weight[cc] == 2 && tail < queue.length) {
                    queue[tail++] = cc;
                }
            }
            removeRow(rows, row, weight, removed, counts);
        }
    }

    private static void removeRow(int[][] rows, int row, int[] weight, boolean[] removed, int[] counts) {
        removed[row] = true;
        counts[0]--;
        for (int c : rows[row]) {
            if (--weight[c] == 0) {
                counts[1]--;
            }
        }
    }
}
