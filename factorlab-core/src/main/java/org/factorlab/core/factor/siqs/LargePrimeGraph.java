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

    /** One row per independent cycle: the relations along it, each large prime occurring twice. */
    List<Relation[]> cycleRows() {
        int vertices = vertexCount;
        int edgeCount = edges.size();
        int[] start = new int[vertices + 1];
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
        int[] up = new int[vertices];
        int[] upEdge = new int[vertices];
        int[] depth = new int[vertices];
        boolean[] reached = new boolean[vertices];
        boolean[] inTree = new boolean[edgeCount];
        int[] queue = new int[vertices];
        for (int root = 0; root < vertices; root++) {
            if (reached[root]) {
                continue;
            }
            reached[root] = true;
            up[root] = -1;
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
                        up[y] = x;
                        upEdge[y] = e;
                        depth[y] = depth[x] + 1;
                        inTree[e] = true;
                        queue[tail++] = y;
                    }
                }
            }
        }
        List<Relation[]> rows = new ArrayList<>(cycles);
        List<Relation> path = new ArrayList<>();
        for (int e = 0; e < edgeCount; e++) {
            if (inTree[e]) {
                continue;
            }
            path.clear();
            path.add(edges.get(e));
            int a = ends[2 * e];
            int b = ends[2 * e + 1];
            while (depth[a] > depth[b]) {
                path.add(edges.get(upEdge[a]));
                a = up[a];
            }
            while (depth[b] > depth[a]) {
                path.add(edges.get(upEdge[b]));
                b = up[b];
            }
            while (a != b) {
                path.add(edges.get(upEdge[a]));
                path.add(edges.get(upEdge[b]));
                a = up[a];
                b = up[b];
            }
            rows.add(path.toArray(new Relation[0]));
        }
        return rows;
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
