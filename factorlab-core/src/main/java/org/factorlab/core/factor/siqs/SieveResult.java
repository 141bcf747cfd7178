package org.factorlab.core.factor.siqs;

import java.io.Serializable;

/**
 * What one {@link SieveUnit} found: its relations (full and partial) and how many polynomials it
 * sieved.
 *
 * @param firstA      the unit's first A-coefficient index
 * @param aCount      how many A-coefficients it sieved
 * @param relations   the relations, in the order found
 * @param polynomials the number of polynomials sieved
 */
public record SieveResult(long firstA, int aCount, Relation[] relations, long polynomials) implements Serializable {
}
