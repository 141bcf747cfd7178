package org.factorlab.core.factor.siqs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LargePrimeGraphTest {

    private static int serial;

    /** A relation with large primes p and q, shaped as the sieve makes them: a single one is (L, 1). */
    private static Relation edge(long p, long q) {
        long lo = Math.min(p, q);
        long hi = Math.max(p, q);
        return lo == 1 ? new Relation(BigInteger.valueOf(++serial), new int[0], hi)
                : new Relation(BigInteger.valueOf(++serial), new int[0], lo, hi);
    }

    @Test
    void singleLargePrimesPairUp() {
        LargePrimeGraph g = new LargePrimeGraph();
        g.add(edge(1, 101));
        g.add(edge(1, 103));
        assertThat(g.cycles()).isZero();
        g.add(edge(1, 101));
        assertThat(g.cycles()).isEqualTo(1);
        List<Relation[]> rows = g.cycleRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).hasSize(2).allSatisfy(r -> assertThat(r.largePrime()).isEqualTo(101));
    }

    @Test
    void aTriangleOfDoublesAndATwoPathToOneCloseCycles() {
        LargePrimeGraph g = new LargePrimeGraph();
        g.add(edge(101, 103));
        g.add(edge(103, 107));
        assertThat(g.cycles()).isZero();
        g.add(edge(101, 107)); // 101-103-107-101
        assertThat(g.cycles()).isEqualTo(1);
        g.add(edge(1, 103));
        g.add(edge(1, 107)); // 1-103-107-1 (through either side of the triangle)
        assertThat(g.cycles()).isEqualTo(2);
        g.add(edge(109, 109)); // a square cofactor closes a cycle by itself
        assertThat(g.cycles()).isEqualTo(3);
        assertEvenCycles(g);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void randomGraphsCountAndBuildTheirIndependentCycles(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LargePrimeGraph g = new LargePrimeGraph();
        long[] primes = new long[300];
        for (int i = 0; i < primes.length; i++) {
            primes[i] = BigInteger.valueOf(100_000 + 1_000L * i).nextProbablePrime().longValueExact();
        }
        // union-find of the test's own, to count components: cycles = edges - vertices + components
        Map<Long, Long> parent = new HashMap<>();
        parent.put(1L, 1L);
        int edges = 1_000;
        for (int e = 0; e < edges; e++) {
            long p = random.nextInt(4) == 0 ? 1 : primes[random.nextInt(primes.length)];
            long q = primes[random.nextInt(primes.length)];
            g.add(edge(p, q));
            parent.putIfAbsent(p, p);
            parent.putIfAbsent(q, q);
            parent.put(root(parent, p), root(parent, q));
        }
        int vertices = parent.size();
        Set<Long> roots = new HashSet<>();
        for (long v : parent.keySet()) {
            roots.add(root(parent, v));
        }
        assertThat(g.edgeCount()).isEqualTo(edges);
        assertThat(g.cycles()).isEqualTo(edges - vertices + roots.size());
        assertEvenCycles(g);
    }

    private static long root(Map<Long, Long> parent, long v) {
        while (parent.get(v) != v) {
            v = parent.get(v);
        }
        return v;
    }

    /** Every row is a set of distinct relations in which each large prime occurs an even number of times. */
    private static void assertEvenCycles(LargePrimeGraph g) {
        List<Relation[]> rows = g.cycleRows();
        assertThat(rows).hasSize(g.cycles());
        Set<String> distinct = new HashSet<>();
        for (Relation[] row : rows) {
            Map<Relation, Boolean> once = new IdentityHashMap<>();
            Map<Long, Integer> count = new HashMap<>();
            for (Relation r : row) {
                assertThat(once.put(r, Boolean.TRUE)).isNull();
                count.merge(r.largePrime(), 1, Integer::sum);
                count.merge(r.secondLargePrime(), 1, Integer::sum);
            }
            count.remove(1L);
            assertThat(count.values()).allSatisfy(c -> assertThat(c % 2).isZero());
            long[] ys = Arrays.stream(row).mapToLong(r -> r.y().longValueExact()).sorted().toArray();
            assertThat(distinct.add(Arrays.toString(ys))).isTrue();
        }
    }
}
