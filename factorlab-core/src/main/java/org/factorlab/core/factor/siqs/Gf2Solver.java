package org.factorlab.core.factor.siqs;

import java.util.List;

/**
 * Finds linear dependencies among the rows of a sparse matrix over GF(2): the linear-algebra step of
 * the quadratic sieve, where row {@code i} is the exponent vector mod 2 of relation {@code i} and a
 * set of rows that XOR to zero is a set of relations whose product is a square.
 *
 * <p>Implementations: {@link DenseGauss} (reference, small matrices), {@link BlockLanczos} (large
 * sparse matrices) and {@link Gf2Solvers#defaultSolver()} (filter, then the better of the two).
 * Implementations must be thread-safe (stateless or per-call state).
 */
public interface Gf2Solver {

    /**
     * rows[i] = sorted distinct column indices (odd exponents) of relation i; columns &lt; columnCount.
     * Returns up to maxDeps nonempty sets of row indices whose rows XOR to zero.
     */
    List<int[]> dependencies(int[][] rows, int columnCount, int maxDeps);
}
