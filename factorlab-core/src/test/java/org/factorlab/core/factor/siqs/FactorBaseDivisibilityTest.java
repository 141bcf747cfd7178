package org.factorlab.core.factor.siqs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-multiplication divisibility test of the candidate check ({@link FactorBase#inverses32},
 * {@link FactorBase#divisibleLimits}) against the remainder operator, on the factor bases of seeded
 * semiprimes of several sizes.
 */
class FactorBaseDivisibilityTest {

    @ParameterizedTest
    @ValueSource(ints = {30, 40, 50, 60})
    void inverseTestAgreesWithRemainder(int digits) {
        BigInteger n = SiqsBench.semiprime(digits, 3);
        FactorBase fb = FactorBase.get(n, Siqs.multiplier(n), SiqsParameters.forDigits(digits));
        SplittableRandom random = new SplittableRandom(digits);
        int multiples = 0;
        for (int i = 0; i < fb.size; i++) {
            int p = fb.primes[i];
            if (p == 2) {
                continue;
            }
            assertThat(p * fb.inverses32[i]).as("p * p^-1 mod 2^32 for p = %d", p).isEqualTo(1);
            for (int k = 0; k < 200; k++) {
                // half the draws are multiples of p, the rest anything below 2^21 (a sieve position plus p)
                int d = k % 2 == 0 ? p * random.nextInt((1 << 21) / p) : random.nextInt(1 << 21);
                boolean divisible = (d * fb.inverses32[i] ^ Integer.MIN_VALUE) <= fb.divisibleLimits[i];
                assertThat(divisible).as("%d divisible by %d", d, p).isEqualTo(d % p == 0);
                multiples += divisible ? 1 : 0;
            }
        }
        assertThat(multiples).isGreaterThan(fb.size * 90);
    }
}
