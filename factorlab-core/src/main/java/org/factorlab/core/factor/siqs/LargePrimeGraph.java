package org.factorlab.core.factor.siqs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial relations of a SIQS run as a graph whose vertices are large primes, plus the vertex
 * "1": a relation with one large prime {@code L} is an edge {@code 1 — L}, one with two
 * {@code L1 — L2}. The product of the relations along a cycle has every large prime of the cycle
 * squared (each vertex of a cycle meets two of its edges), so each independent cycle is worth one
 * full relation (Lenstra and Manasse, "Factoring with two large primes", 1994; Crandall &amp;
 * Pomerance §6.1.4). With single large primes only, the cycles are the pairs of relations sharing
 * their prime.
 *
 * <p>Counting while relations arrive: a union-find over the vertices; an edge whose ends are
 * already connected closes one more independent cycle ({@code cycles = edges − vertices +
 * components}). Building the cycles, only when the linear algebra needs them: a breadth-first
 * spanning forest, then for each edge outside it the path between its ends through their lowest
 * common ancestor, plus the edge.
 *
 * <p>Not thread-safe: used on the collecting thread only.
 */
final class LargePrimeGraph {

    private final Map<Long, Integer> vertexOf = new HashMap<>();
    private final List<Relation> edges = new ArrayList<>();
    private int[] ends = new int[256];
    private int[] parent = new int[256];
    private int[] size = new int[256];
    private int vertexCount;
    private int cycles;

    LargePrimeGraph() {
        vertex(1);
    }

    /** Adds a partial relation as an edge between its large primes (or 1 and its prime). */
    void add(Relation rel) {
        int u = vertex(rel.largePrime());
        int v = vertex(rel.secondLargePrime());
        int e = edges.size();
        edges.add(rel);
        if (2 * e + 2 > ends.length) {
            ends = Arrays.copyOf(ends, 2 * ends.length);
        }
        ends[2 * e] = u;
        ends[2 * e + 1] = v;
        int ru = find(u);
        int rv = find(v);
        if (ru == rv) {
            cycles++;
        } else if (size[ru] < size[rv]) {
            parent[ru] = rv;
            size[rv] += size[ru];
        } else {
            parent[rv] = ru;
            size[ru] += size[rv];
        }
    }

    /** The number of independent cycles: the rows the partial relations are worth. */
    int cycles() {
        return cycles;
    }

    /** The number of partial relations added. */
    int edgeCount() {
        return edges.size();
    }

    /**
     * One row per independent cycle: the relations along it, each large prime occurring twice.
     *
     * <p>Built in three small methods rather than one: this runs once per number, and the JIT
     * compiler compiled the single ~1 kB-bytecode method several times (on stack, then normally,
     * then again after a trap) at 0.1-0.3 s each — 1.7 s of C2 time in a run of 100 128-bit numbers.
     */
    List<Relation[]> cycleRows() {
        int[] start = new int[vertexCount + 1];
        int[] adjacent = adjacency(start);
        Forest forest = spanningForest(start, adjacent);
        List<Relation[]> rows = new ArrayList<>(cycles);
        List<Relation> path = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            if (!forest.inTree[e]) {
                rows.add(cycle(e, forest, path));
            }
        }
        return rows;
    }

    /** The edges at each vertex, loops left out: those of v are adjacent[start[v] .. start[v + 1]). */
    private int[] adjacency(int[] start) {
        int vertices = vertexCount;
        int edgeCount = edges.size();
        for (int e = 0; e < edgeCount; e++) {
            if (ends[2 * e] != ends[2 * e + 1]) {
                start[ends[2 * e] + 1]++;
                start[ends[2 * e + 1] + 1]++;
            }
        }
        for (int v = 0; v < vertices; v++) {
            start[v + 1] += start[v];
        }
        int[] adjacent = new int[start[vertices]];
        int[] at = Arrays.copyOf(start, vertices);
        for (int e = 0; e < edgeCount; e++) {
            if (ends[2 * e] != ends[2 * e + 1]) {
                adjacent[at[ends[2 * e]]++] = e;
                adjacent[at[ends[2 * e + 1]]++] = e;
            }
        }
        return adjacent;
    }

    /** A breadth-first spanning forest: each vertex's parent, the edge to it, its depth; tree edges. */
    private record Forest(int[] up, int[] upEdge, int[] depth, boolean[] inTree) {
    }

    private Forest spanningForest(int[] start, int[] adjacent) {
        int vertices = vertexCount;
        Forest f = new Forest(new int[vertices], new int[vertices], new int[vertices], new boolean[edges.size()]);
        boolean[] reached = new boolean[vertices];
        int[] queue = new int[vertices];
        for (int root = 0; root < vertices; root++) {
            if (reached[root]) {
                continue;
            }
            reached[root] = true;
            f.up[root] = -1;
            int head = 0;
            int tail = 0;
            queue[tail++] = root;
            while (head < tail) {
                int x = queue[head++];
                for (int k = start[x]; k < start[x + 1]; k++) {
                    int e = adjacent[k];
                    int y = ends[2 * e] == x ? ends[2 * e + 1] : ends[2 * e];
                    if (!reached[y]) {
                        reached[y] = true;
                        f.up[y] = x;
                        f.upEdge[y] = e;
                        f.depth[y] = f.depth[x] + 1;
                        f.inTree[e] = true;
                        queue[tail++] = y;
                    }
                }
            }
        }
        return f;
    }

    /** The cycle closed by non-tree edge e: e plus the tree paths from its ends to their common ancestor. */
    private Relation[] cycle(int e, Forest f, List<Relation> path) {
        path.clear();
        path.add(edges.get(e));
        int a = ends[2 * e];
        int b = ends[2 * e + 1];
        while (f.depth[a] > f.depth[b]) {
            path.add(edges.get(f.upEdge[a]));
            a = f.up[a];
        }
        while (f.depth[b] > f.depth[a]) {
            path.add(edges.get(f.upEdge[b]));
            b = f.up[b];
        }
        while (a != b) {
            path.add(edges.get(f.upEdge[a]));
            path.add(edges.get(f.upEdge[b]));
            a = f.up[a];
            b = f.up[b];
        }
        return path.toArray(new Relation[0]);
    }

    private int vertex(long prime) {
        Integer v = vertexOf.get(prime);
        if (v != null) {
            return v;
        }
        int id = vertexCount++;
        if (id == parent.length) {
            parent = Arrays.copyOf(parent, 2 * id);
            size = Arrays.copyOf(size, 2 * id);
        }
        parent[id] = id;
        size[id] = 1;
        vertexOf.put(prime, id);
        return id;
    }

    private int find(int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
