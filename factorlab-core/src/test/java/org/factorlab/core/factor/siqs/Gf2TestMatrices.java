package org.factorlab.core.factor.siqs;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded test matrices for the GF(2) solvers and the checks every answer must pass. */
final class Gf2TestMatrices {

    private Gf2TestMatrices() {
    }

    /** A random row of about {@code weight} distinct columns below {@code columns}. */
    static int[] randomRow(SplittableRandom random, int columns, int weight) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int k = 0; k < weight; k++) {
            set.add(random.nextInt(columns));
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** XOR (symmetric difference) of sorted rows. */
    static int[] xor(int[]... parts) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int[] part : parts) {
            for (int c : part) {
                if (!set.remove(c)) {
                    set.add(c);
                }
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@code rows} random rows of weight about {@code weight}; about a tenth of them (after the first
     * few) are planted as the XOR of two or three earlier rows.
     */
    static int[][] randomWithPlanted(long seed, int rows, int columns, int weight) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] m = new int[rows][];
        for (int i = 0; i < rows; i++) {
            if (i > 8 && random.nextInt(10) == 0) {
                int parts = 2 + random.nextInt(2);
                int[][] chosen = new int[parts][];
                for (int k = 0; k < parts; k++) {
                    chosen[k] = m[random.nextInt(i)];
                }
                m[i] = xor(chosen);
            } else {
                m[i] = randomRow(random, columns, weight);
            }
        }
        return m;
    }

    /**
     * A SIQS-like matrix: each row has 20–40 distinct columns drawn with column {@code j}'s weight
     * proportional to {@code 1/p_j} ({@code p_j} ≈ the j-th prime, so {@code j ln j}), which makes
     * the first columns dense and leaves many of the last ones empty or singletons, as real
     * relation matrices do.
     */
    static int[][] siqsLike(long seed, int rows, int columns) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[columns];
        double total = 0;
        for (int j = 0; j < columns; j++) {
            double p = j < 2 ? 2 + j : (j + 1) * Math.log(j + 1) * 1.1;
            total += 1 / p;
            cumulative[j] = total;
        }
        int[][] m = new int[rows][];
        int[] buf = new int[64];
        for (int i = 0; i < rows; i++) {
            int weight = 20 + random.nextInt(21);
            int count = 0;
            outer:
            while (count < weight) {
                double u = random.nextDouble() * total;
                int j = Arrays.binarySearch(cumulative, u);
                j = j < 0 ? -j - 1 : j;
                j = Math.min(j, columns - 1);
                for (int k = 0; k < count; k++) {
                    if (buf[k] == j) {
                        continue outer;
                    }
                }
                buf[count++] = j;
            }
            int[] row = Arrays.copyOf(buf, count);
            Arrays.sort(row);
            m[i] = row;
        }
        return m;
    }

    /** Rank over GF(2), computed independently of the solvers with BigInteger rows. */
    static int rank(int[][] rows) {
        Map<Integer, BigInteger> byLead = new HashMap<>();
        for (int[] row : rows) {
            BigInteger v = BigInteger.ZERO;
            for (int c : row) {
                v = v.setBit(c);
            }
            while (v.signum() != 0) {
                int lead = v.bitLength() - 1;
                BigInteger b = byLead.get(lead);
                if (b == null) {
                    byLead.put(lead, v);
                    break;
                }
                v = v.xor(b);
            }
        }
        return byLead.size();
    }

    /**
     * Every set is nonempty, sorted, distinct within and across sets, within range, and its rows XOR
     * to zero; at most {@code maxDeps} sets.
     */
    static void assertValid(int[][] rows, int columns, List<int[]> deps, int maxDeps) {
        assertThat(deps.size()).isLessThanOrEqualTo(maxDeps);
        Set<String> seen = new HashSet<>();
        for (int[] set : deps) {
            String name = set.length <= 20 ? Arrays.toString(set) : set.length + " rows from " + set[0];
            assertThat(set).isNotEmpty();
            boolean sortedInRange = true;
            for (int k = 0; k < set.length; k++) {
                sortedInRange &= set[k] >= 0 && set[k] < rows.length && (k == 0 || set[k] > set[k - 1]);
            }
            assertThat(sortedInRange).as("sorted, in range: %s", name).isTrue();
            assertThat(seen.add(Arrays.toString(set))).as("duplicate set %s", name).isTrue();
            boolean[] acc = new boolean[columns];
            for (int r : set) {
                for (int c : rows[r]) {
                    acc[c] ^= true;
                }
            }
            int odd = -1;
            for (int c = 0; c < columns && odd < 0; c++) {
                if (acc[c]) {
                    odd = c;
                }
            }
            assertThat(odd).as("first odd column of %s", name).isEqualTo(-1);
        }
    }

    /** The sets as one string each, for exact comparisons of answers. */
    static List<String> text(List<int[]> deps) {
        return deps.stream().map(Arrays::toString).toList();
    }

    /** The sets as independent vectors: their GF(2) rank (rows indexed by the matrix rows). */
    static int independentCount(List<int[]> deps) {
        return rank(deps.toArray(new int[0][]));
    }
}
