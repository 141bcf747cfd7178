package org.factorlab.core.factor.siqs;

import java.util.ArrayList;
import java.util.List;

/**
 * Dependencies among the rows of a GF(2) matrix by plain Gaussian elimination on bit-packed dense
 * rows: the fallback of {@link BlockLanczos} and the reference for its tests.
 *
 * <p><b>Algorithm.</b> Each row {@code i} is stored as {@code columnCount} matrix bits followed by
 * {@code n} "history" bits, initially the unit vector {@code e_i} (the augmented matrix
 * {@code [B | I]}). Columns are processed one by one; for each, the first still-unused row having
 * that bit becomes the pivot and is XORed into every other unused row having it, history included,
 * and is then retired. Row operations keep the invariant "history · B = matrix part", so when every
 * column has been processed the unused rows, whose matrix part is now zero, each name through their
 * history a set of original rows XORing to zero. Those histories are linearly independent (the
 * history part is always an invertible transform of {@code I}), so the sets are distinct and there
 * are exactly {@code n − rank(B)} of them (Crandall &amp; Pomerance, <i>Prime Numbers</i>, §6.1.3).
 * Only the words from the pivot's own word onward are XORed in the matrix part (earlier columns are
 * already zero in unused rows), and only the nonzero word range of the pivot's history.
 *
 * <p><b>Cost.</b> {@code O(n·c·(c + n)/64)} word operations and {@code n·(c + n)/8} bytes for an
 * {@code n × c} matrix: fine up to a few thousand rows (about 10 ms at 1,000 × 1,000), too slow and
 * too big for the raw 30,000-column SIQS matrix — use {@link Gf2Solvers#defaultSolver()} there.
 *
 * <p>Columns are eliminated from the last (in the caller's numbering) to the first: SIQS numbers the
 * small primes, which divide many rows, first, and taking the sparse large-prime columns first leaves
 * far fewer rows to clear per pivot (a filtered 128-bit SIQS matrix of ~470 columns: 127,000 word
 * XORs instead of 507,000). While the 64 columns of one word are processed, that word of every
 * unused row is kept in a contiguous array, so the searches for the pivot and for the rows having its
 * bit read that array instead of striding through the matrix.
 *
 * <p>Stateless and thread-safe; deterministic (the result depends only on the input). Checks for
 * interruption every 64 columns.
 */
public final class DenseGauss implements Gf2Solver {

    @Override
    public List<int[]> dependencies(int[][] rows, int columnCount, int maxDeps) {
        Gf2Rows.check(rows, columnCount, maxDeps);
        int n = rows.length;
        List<int[]> result = new ArrayList<>();
        if (n == 0 || maxDeps == 0) {
            return result;
        }
        int mw = (columnCount + 63) >>> 6;
        int iw = (n + 63) >>> 6;
        int stride = mw + iw;
        if ((long) n * stride > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("matrix too large for dense elimination: " + n + " x " + columnCount);
        }
        long[] m = new long[n * stride];
        // Nonzero word range [idLo, idHi] of each row's history, to skip its zero words when XORing.
        int[] idLo = new int[n];
        int[] idHi = new int[n];
        for (int i = 0; i < n; i++) {
            int base = i * stride;
            for (int c : rows[i]) {
                // Columns are stored in reverse: callers number the dense columns (small primes)
                // first, and eliminating the sparse ones first creates far less fill-in.
                int rc = columnCount - 1 - c;
                m[base + (rc >>> 6)] |= 1L << rc;
            }
            m[base + mw + (i >>> 6)] = 1L << i;
            idLo[i] = idHi[i] = i >>> 6;
        }
        // active[0, activeCount) = rows not yet used as a pivot, in increasing order; current[k] is
        // active[k]'s matrix word w while columns of word w are processed (a contiguous copy, so
        // that looking for the pivot and for the rows to clear does not stride through the matrix).
        int[] active = new int[n];
        for (int i = 0; i < n; i++) {
            active[i] = i;
        }
        long[] current = new long[n];
        int activeCount = n;
        for (int w = 0; w < mw && activeCount > 0; w++) {
            Gf2Rows.checkInterrupt("dense Gauss");
            for (int k = 0; k < activeCount; k++) {
                current[k] = m[active[k] * stride + w];
            }
            int colEnd = Math.min(64, columnCount - (w << 6));
            for (int b = 0; b < colEnd && activeCount > 0; b++) {
                activeCount -= eliminate(m, current, active, activeCount, idLo, idHi, w, b, mw, stride);
            }
        }
        for (int k = 0; k < activeCount && result.size() < maxDeps; k++) {
            int r = active[k];
            int base = r * stride + mw;
            int count = 0;
            for (int j = idLo[r]; j <= idHi[r]; j++) {
                count += Long.bitCount(m[base + j]);
            }
            int[] set = new int[count];
            int t = 0;
            for (int j = idLo[r]; j <= idHi[r]; j++) {
                for (long word = m[base + j]; word != 0; word &= word - 1) {
                    set[t++] = (j << 6) + Long.numberOfTrailingZeros(word);
                }
            }
            result.add(set);
        }
        return result;
    }

    /**
     * Column {@code 64w + b}: the first active row having its bit becomes the pivot, leaves the active
     * list and is XORed into every other active row having the bit. Returns 1, or 0 if no active row
     * has the bit. The elimination's inner loops, in a method of their own: the launcher keeps
     * {@link #dependencies}, which runs once per number, in C1, and C1's code for these loops was
     * several times slower than C2's (dense elimination was 8% of a run of 80 40-digit semiprimes,
     * 5% with the row XOR alone moved out); this method is compiled by C2 within the first numbers.
     */
    private static int eliminate(long[] m, long[] current, int[] active, int activeCount, int[] idLo, int[] idHi,
                                 int w, int b, int mw, int stride) {
        long bit = 1L << b;
        int pivotPos = -1;
        for (int k = 0; k < activeCount; k++) {
            if ((current[k] & bit) != 0) {
                pivotPos = k;
                break;
            }
        }
        if (pivotPos < 0) {
            return 0;
        }
        int p = active[pivotPos];
        long pWord = current[pivotPos];
        int remaining = activeCount - 1;
        System.arraycopy(active, pivotPos + 1, active, pivotPos, remaining - pivotPos);
        System.arraycopy(current, pivotPos + 1, current, pivotPos, remaining - pivotPos);
        int pBase = p * stride;
        int lo = idLo[p];
        int hi = idHi[p];
        // Rows before pivotPos in the active list lack this bit (the pivot was the first with it).
        for (int k = pivotPos; k < remaining; k++) {
            if ((current[k] & bit) == 0) {
                continue;
            }
            current[k] ^= pWord;
            int r = active[k];
            int rBase = r * stride;
            xorWords(m, rBase + w, pBase + w, mw - w);
            xorWords(m, rBase + mw + lo, pBase + mw + lo, hi - lo + 1);
            idLo[r] = Math.min(idLo[r], lo);
            idHi[r] = Math.max(idHi[r], hi);
        }
        return 1;
    }

    /** {@code m[dst .. dst+count) ^= m[src .. src+count)}. */
    private static void xorWords(long[] m, int dst, int src, int count) {
        for (int j = 0; j < count; j++) {
            m[dst + j] ^= m[src + j];
        }
    }
}
