package org.factorlab.core.factor;

import org.factorlab.core.Factorization;
import org.factorlab.core.Unsigned;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks shared by the factoring tests: the product is the number, factors are prime and ascending. */
final class FactorAssertions {

    private FactorAssertions() {
    }

    static void assertCompleteFactorization(BigInteger n, Factorization f) {
        assertThat(f.number()).isEqualTo(n);
        assertThat(f.productMatches()).as("product of %s equals %s", f.factors(), n).isTrue();
        assertThat(f.factors()).as("ascending").isSorted();
        for (BigInteger p : f.factors()) {
            assertThat(p.isProbablePrime(50)).as("factor %s of %s is prime", p, n).isTrue();
        }
    }

    /** The fast-path output as unsigned BigIntegers, checked the same way. */
    static List<BigInteger> assertCompleteFactorization(long n, long[] out, int count) {
        List<BigInteger> factors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            factors.add(Unsigned.toBigInteger(out[i]));
        }
        assertCompleteFactorization(Unsigned.toBigInteger(n), new Factorization(Unsigned.toBigInteger(n), factors));
        return factors;
    }
}
