package org.factorlab.core.workload;

import org.factorlab.core.Factorization;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemiprimeWorkloadTest {
    @Test
    void eachNumberIsTheProductOfTwoPrimesOfHalfTheBitsAndHasExactlyTheBits() {
        for (int bits : new int[] {4, 5, 6, 9, 20, 63, 64, 65, 96, 128, 133, 200}) {
            SemiprimeWorkload w = new SemiprimeWorkload(11, 0, bits);
            for (int i = 0; i < 50; i++) {
                Factorization f = w.factorization(i);
                BigInteger p = f.factors().get(0);
                BigInteger q = f.factors().get(1);
                assertThat(f.number()).isEqualTo(w.number(i)).isEqualTo(p.multiply(q));
                assertThat(f.number().bitLength()).as("%d bits, index %d", bits, i).isEqualTo(bits);
                assertThat(p.isProbablePrime(64) && q.isProbablePrime(64)).isTrue();
                assertThat(new int[] {p.bitLength(), q.bitLength()})
                        .containsExactlyInAnyOrder(bits / 2, bits - bits / 2);
            }
        }
    }

    @Test
    void theLongPathAgreesWithTheBigIntegerPath() {
        SemiprimeWorkload w = new SemiprimeWorkload(2, 0, 64);
        for (int i = 0; i < 1000; i++) {
            assertThat(w.number(i)).isEqualTo(new BigInteger(Long.toUnsignedString(w.number64(i))));
        }
        assertThatThrownBy(() -> new SemiprimeWorkload(1, 1, 65).number64(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIthNumberDependsOnlyOnSeedAndIndexAndTheNumbersVary() {
        SemiprimeWorkload a = new SemiprimeWorkload(42, 1000, 128);
        SemiprimeWorkload b = new SemiprimeWorkload(42, 1, 128);
        Set<BigInteger> seen = new HashSet<>();
        for (int i = 99; i >= 0; i--) {
            assertThat(a.number(i)).isEqualTo(b.number(i));
            seen.add(a.number(i));
        }
        assertThat(seen).hasSize(100);
        assertThat(new SemiprimeWorkload(43, 1, 128).number(0)).isNotEqualTo(a.number(0));
    }

    @Test
    void largeSizesAreFoundQuickly() {
        long t0 = System.nanoTime();
        Factorization f = new SemiprimeWorkload(1, 1, 1024).factorization(0);
        assertThat(f.number().bitLength()).isEqualTo(1024);
        assertThat(f.factors()).allMatch(p -> p.isProbablePrime(64) && p.bitLength() == 512);
        assertThat(System.nanoTime() - t0).isLessThan(10_000_000_000L);
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> new SemiprimeWorkload(1, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SemiprimeWorkload(1, 1, SemiprimeWorkload.MAX_BITS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
