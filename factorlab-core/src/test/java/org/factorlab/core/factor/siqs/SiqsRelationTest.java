package org.factorlab.core.factor.siqs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SiqsRelationTest {

    @ParameterizedTest
    @ValueSource(ints = {25, 32, 40, 44})
    void relationsHold(int digits) {
        BigInteger n = SiqsBench.semiprime(digits, 7);
        int k = Siqs.multiplier(n);
        SiqsParameters params = SiqsParameters.forDigits(digits).withAPerUnit(3);
        FactorBase fb = FactorBase.get(n, k, params);
        SieveResult result = new SieveUnit(n, k, params, 5, 3).compute();
        assertThat(result.relations()).isNotEmpty();
        BigInteger kn = n.multiply(BigInteger.valueOf(k));
        for (Relation r : result.relations()) {
            assertHolds(r, fb, kn);
        }
    }

    /** At 50 digits many relations have two large primes; run units until some have, checking all. */
    @org.junit.jupiter.api.Test
    void doubleLargePrimeRelationsHold() {
        BigInteger n = SiqsBench.semiprime(50, 7);
        int k = Siqs.multiplier(n);
        SiqsParameters params = SiqsParameters.forDigits(50).withAPerUnit(1);
        FactorBase fb = FactorBase.get(n, k, params);
        assertThat(fb.doubleLargeBound).isGreaterThan(fb.pmaxSquared);
        BigInteger kn = n.multiply(BigInteger.valueOf(k));
        int doubles = 0;
        for (long a = 0; a < 200 && doubles < 3; a++) {
            for (Relation r : new SieveUnit(n, k, params, a, 1).compute().relations()) {
                assertHolds(r, fb, kn);
                if (r.secondLargePrime() != 1) {
                    doubles++;
                }
            }
        }
        assertThat(doubles).isGreaterThanOrEqualTo(3);
    }

    private static void assertHolds(Relation r, FactorBase fb, BigInteger kn) {
        BigInteger product = BigInteger.valueOf(r.largePrime()).multiply(BigInteger.valueOf(r.secondLargePrime()));
        for (int c : r.columns()) {
            product = product.multiply(c == 0 ? BigInteger.ONE.negate() : BigInteger.valueOf(fb.primes[c - 1]));
        }
        assertThat(r.y().pow(2).subtract(product).mod(kn)).isEqualTo(BigInteger.ZERO);
        if (!r.isFull()) {
            assertThat(r.largePrime()).isGreaterThan(fb.largestPrime()).isLessThanOrEqualTo(fb.largePrimeBound);
            assertThat(BigInteger.valueOf(r.largePrime()).isProbablePrime(30)).isTrue();
        } else {
            assertThat(r.secondLargePrime()).isEqualTo(1);
        }
        if (r.secondLargePrime() != 1) {
            assertThat(r.secondLargePrime()).isGreaterThanOrEqualTo(r.largePrime())
                    .isLessThanOrEqualTo(fb.largePrimeBound);
            assertThat(BigInteger.valueOf(r.secondLargePrime()).isProbablePrime(30)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 41})
    void unitsArePure(int digits) {
        BigInteger n = SiqsBench.semiprime(digits, 3);
        int k = Siqs.multiplier(n);
        SiqsParameters params = SiqsParameters.forDigits(digits).withAPerUnit(2);
        SieveUnit unit = new SieveUnit(n, k, params, 11, 2);
        SieveResult first = unit.compute();
        // another unit in between changes the per-thread sieve state
        new SieveUnit(n, k, params, 40, 2).compute();
        SieveResult again = unit.compute();
        assertThat(again.polynomials()).isEqualTo(first.polynomials());
        assertThat(again.relations()).hasSameSizeAs(first.relations());
        for (int i = 0; i < first.relations().length; i++) {
            Relation a = first.relations()[i];
            Relation b = again.relations()[i];
            assertThat(b.y()).isEqualTo(a.y());
            assertThat(b.columns()).isEqualTo(a.columns());
            assertThat(b.largePrime()).isEqualTo(a.largePrime());
            assertThat(b.secondLargePrime()).isEqualTo(a.secondLargePrime());
        }
    }
}
