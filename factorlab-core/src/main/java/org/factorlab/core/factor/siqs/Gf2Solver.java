package org.factorlab.core.factor.siqs;

import java.util.List;

/**
 * Finds linear dependencies among sparse vectors over GF(2): the matrix step of the quadratic sieve.
 * Implementations must be thread-safe (stateless or per-call state).
 */
public interface Gf2Solver {

    /**
     * rows[i] = sorted distinct column indices (odd exponents) of relation i; columns &lt; columnCount.
     * Returns up to maxDeps nonempty sets of row indices whose rows XOR to zero.
     */
    List<int[]> dependencies(int[][] rows, int columnCount, int maxDeps);
}
