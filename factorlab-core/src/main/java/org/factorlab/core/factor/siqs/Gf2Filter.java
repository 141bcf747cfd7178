package org.factorlab.core.factor.siqs;

import java.util.Arrays;

/**
 * Shrinks a GF(2) relation matrix before the dependency search without losing what can be found:
 * the structured-Gauss "pruning" steps of sieve implementations (C. Pomerance and J. W. Smith,
 * "Reduction of huge, sparse matrices over finite fields via created catastrophes", Experimental
 * Math. 1 (1992) 89–94; Crandall &amp; Pomerance, <i>Prime Numbers</i>, §6.1.3).
 *
 * <ol>
 * <li><b>Singletons.</b> A column set in exactly one row can never cancel, so that row is in no
 * dependency: remove it, which lowers the weights of its other columns; repeat.
 * <li><b>Excess.</b> While rows exceed live columns by more than {@code excess}, the heaviest rows
 * are dropped (what remains still has at least {@code excess} independent dependencies, since
 * nullity ≥ rows − columns), then singletons are removed again.
 * <li><b>Weight-2 merges.</b> A column set in exactly two rows {@code r₁, r₂} forces every
 * dependency to take both or neither: {@code r₂} is replaced by {@code r₁ ⊕ r₂} (which drops the
 * column) and {@code r₁} is deleted. One row and one column go, the nullity is unchanged and the
 * total number of nonzeros never grows (columns common to both rows cancel). The filtered row then
 * stands for a set of input rows, given by {@link Result#rowSets()}.
 * <li><b>Empty columns</b> are dropped and the live ones renumbered in their original order (so the
 * dense small-prime columns stay first).
 * </ol>
 *
 * <p>To find the two rows of a weight-2 column without a column index that merges would keep
 * invalidating, each column keeps the sum and the sum of squares of its live rows' ids: with
 * {@code S = r₁ + r₂} and {@code Q = r₁² + r₂²}, {@code r₂ − r₁ = √(2Q − S²)} (and a weight-1
 * column's sum is its row).
 *
 * <p>A dependency of the result, mapped through {@link Result#rowSets()} (the union of the sets of
 * its rows, which are disjoint), is a dependency of the input.
 *
 * <p><b>Cost.</b> {@code O(nnz log nnz)} time (merges cost the lengths of the two rows), about
 * {@code 3·4·nnz + 24·c} bytes. Stateless and thread-safe.
 */
public final class Gf2Filter {

    private Gf2Filter() {
    }

    /**
     * The filtered matrix.
     *
     * @param rows        the remaining rows, columns renumbered to {@code [0, columnCount)}
     * @param columnCount number of live columns
     * @param rowSets     {@code rowSets[i]} = the input rows (increasing) whose XOR filtered row
     *                    {@code i} is; the sets are disjoint
     */
    public record Result(int[][] rows, int columnCount, int[][] rowSets) {
    }

    /**
     * Filters {@code rows} (the {@link Gf2Solver} input format), keeping at most {@code excess} more
     * rows than live columns.
     */
    public static Result filter(int[][] rows, int columnCount, long excess) {
        return filter(rows, columnCount, excess, true);
    }

    /** As {@link #filter(int[][], int, long)}, with weight-2 merges optional. */
    public static Result filter(int[][] rows, int columnCount, long excess, boolean merge) {
        Gf2Rows.check(rows, columnCount, 0);
        if (excess < 0) {
            throw new IllegalArgumentException("excess < 0: " + excess);
        }
        State s = new State(rows, columnCount);
        s.removeSingletons();
        s.trimExcess(excess);
        if (merge) {
            s.mergeAndRemove();
            s.trimExcess(excess);
        }
        return s.result();
    }

    private static final class State {
        final int n;
        final int columns;
        final int[][] cur;
        final int[][] origin;
        final boolean[] removed;
        final int[] weight;
        final long[] colSum;
        final long[] colSq;
        int liveRows;
        int liveCols;
        int[] queue = new int[64];
        int head;
        int tail;

        State(int[][] rows, int columns) {
            this.n = rows.length;
            this.columns = columns;
            cur = rows.clone();
            origin = new int[n][];
            removed = new boolean[n];
            weight = new int[columns];
            colSum = new long[columns];
            colSq = new long[columns];
            for (int i = 0; i < n; i++) {
                long sq = (long) i * i;
                for (int c : rows[i]) {
                    weight[c]++;
                    colSum[c] += i;
                    colSq[c] += sq;
                }
            }
            liveRows = n;
            for (int c = 0; c < columns; c++) {
                if (weight[c] > 0) {
                    liveCols++;
                }
            }
        }

        void push(int c) {
            if (tail == queue.length) {
                if (head > 0) {
                    System.arraycopy(queue, head, queue, 0, tail - head);
                    tail -= head;
                    head = 0;
                } else {
                    queue = Arrays.copyOf(queue, queue.length * 2);
                }
            }
            queue[tail++] = c;
        }

        void removeRow(int r) {
            removed[r] = true;
            liveRows--;
            long sq = (long) r * r;
            for (int c : cur[r]) {
                colSum[c] -= r;
                colSq[c] -= sq;
                int w = --weight[c];
                if (w == 0) {
                    liveCols--;
                } else if (w == 1) {
                    push(c);
                }
            }
            cur[r] = null;
        }

        void removeSingletons() {
            head = tail = 0;
            for (int c = 0; c < columns; c++) {
                if (weight[c] == 1) {
                    push(c);
                }
            }
            while (head < tail) {
                int c = queue[head++];
                if (weight[c] == 1) {
                    removeRow((int) colSum[c]);
                }
            }
        }

        void trimExcess(long excess) {
            while (liveRows - (long) liveCols > excess) {
                Gf2Rows.checkInterrupt("GF(2) filter");
                int drop = (int) (liveRows - liveCols - excess);
                // Heaviest first; ties by higher index so the result is deterministic. One long key
                // per row, sorted ascending (a primitive sort: no boxing, no comparator).
                long[] order = new long[liveRows];
                int t = 0;
                for (int i = 0; i < n; i++) {
                    if (!removed[i]) {
                        order[t++] = ((long) (Integer.MAX_VALUE - cur[i].length) << 32) | (Integer.MAX_VALUE - i);
                    }
                }
                Arrays.sort(order);
                for (int k = 0; k < drop; k++) {
                    removeRow(Integer.MAX_VALUE - (int) order[k]);
                }
                removeSingletons();
            }
        }

        /** Removes singletons and merges weight-2 columns until neither is left. */
        void mergeAndRemove() {
            head = tail = 0;
            for (int c = 0; c < columns; c++) {
                if (weight[c] == 1 || weight[c] == 2) {
                    push(c);
                }
            }
            int[] buf = new int[64];
            int steps = 0;
            while (head < tail) {
                if ((++steps & 0xFFF) == 0) {
                    Gf2Rows.checkInterrupt("GF(2) filter");
                }
                int c = queue[head++];
                if (weight[c] == 1) {
                    removeRow((int) colSum[c]);
                } else if (weight[c] == 2) {
                    long sum = colSum[c];
                    long d = isqrt(2 * colSq[c] - sum * sum);
                    int r1 = (int) ((sum - d) / 2);
                    int r2 = (int) ((sum + d) / 2);
                    buf = merge(r1, r2, buf);
                }
            }
        }

        /** Replaces row r2 by r1 ⊕ r2 and deletes r1; returns the (possibly grown) scratch buffer. */
        private int[] merge(int r1, int r2, int[] buf) {
            int[] a = cur[r1];
            int[] b = cur[r2];
            if (buf.length < a.length + b.length) {
                buf = new int[a.length + b.length];
            }
            long delta = r2 - r1;
            long deltaSq = (long) r2 * r2 - (long) r1 * r1;
            long bothSum = (long) r1 + r2;
            long bothSq = (long) r1 * r1 + (long) r2 * r2;
            int i = 0;
            int j = 0;
            int m = 0;
            while (i < a.length || j < b.length) {
                int ca = i < a.length ? a[i] : Integer.MAX_VALUE;
                int cb = j < b.length ? b[j] : Integer.MAX_VALUE;
                if (ca < cb) {
                    // only in r1: moves to r2
                    colSum[ca] += delta;
                    colSq[ca] += deltaSq;
                    buf[m++] = ca;
                    i++;
                } else if (cb < ca) {
                    buf[m++] = cb;
                    j++;
                } else {
                    // in both: cancels
                    colSum[ca] -= bothSum;
                    colSq[ca] -= bothSq;
                    int w = weight[ca] -= 2;
                    if (w == 0) {
                        liveCols--;
                    } else if (w <= 2) {
                        push(ca);
                    }
                    i++;
                    j++;
                }
            }
            cur[r2] = Arrays.copyOf(buf, m);
            cur[r1] = null;
            removed[r1] = true;
            liveRows--;
            int[] o1 = origin[r1] == null ? new int[] {r1} : origin[r1];
            int[] o2 = origin[r2] == null ? new int[] {r2} : origin[r2];
            int[] o = Arrays.copyOf(o1, o1.length + o2.length);
            System.arraycopy(o2, 0, o, o1.length, o2.length);
            origin[r2] = o;
            origin[r1] = null;
            return buf;
        }

        private static long isqrt(long v) {
            long r = (long) Math.sqrt((double) v);
            while (r * r > v) {
                r--;
            }
            while ((r + 1) * (r + 1) <= v) {
                r++;
            }
            return r;
        }

        Result result() {
            int[] newIndex = new int[columns];
            int live = 0;
            for (int c = 0; c < columns; c++) {
                newIndex[c] = weight[c] > 0 ? live++ : -1;
            }
            int[][] out = new int[liveRows][];
            int[][] sets = new int[liveRows][];
            int r = 0;
            for (int i = 0; i < n; i++) {
                if (removed[i]) {
                    continue;
                }
                int[] row = cur[i];
                int[] mapped = new int[row.length];
                for (int k = 0; k < row.length; k++) {
                    mapped[k] = newIndex[row[k]];
                }
                out[r] = mapped;
                int[] set = origin[i] == null ? new int[] {i} : origin[i];
                Arrays.sort(set);
                sets[r++] = set;
            }
            return new Result(out, live, sets);
        }
    }
}
