package org.factorlab.core.workload;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitsWorkloadTest {
    @Test
    void everyNumberHasExactlyTheRequestedBitLength() {
        for (int bits : new int[] {1, 2, 7, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, BitsWorkload.MAX_BITS}) {
            BitsWorkload w = new BitsWorkload(5, 0, bits);
            for (int i = 0; i < 200; i++) {
                assertThat(w.number(i).bitLength()).as("%d bits, index %d", bits, i).isEqualTo(bits);
            }
        }
    }

    @Test
    void theIthNumberDependsOnlyOnSeedAndIndex() {
        for (int bits : new int[] {64, 300}) {
            BitsWorkload a = new BitsWorkload(42, 1000, bits);
            BitsWorkload b = new BitsWorkload(42, 3, bits);
            for (int i = 999; i >= 0; i--) {
                assertThat(a.number(i)).isEqualTo(b.number(i));
            }
            assertThat(new BitsWorkload(43, 1, bits).number(0)).isNotEqualTo(a.number(0));
            assertThat(a.number(1)).isNotEqualTo(a.number(0));
        }
    }

    @Test
    void theLongPathAgreesWithTheBigIntegerPath() {
        BitsWorkload w = new BitsWorkload(9, 0, 64);
        for (int i = 0; i < 1000; i++) {
            long n = w.number64(i);
            assertThat(n).isNegative(); // the top bit of 64 is set
            assertThat(w.number(i)).isEqualTo(new BigInteger(Long.toUnsignedString(n)));
        }
        assertThatThrownBy(() -> new BitsWorkload(1, 1, 65).number64(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBitsBelowTheTopAreRoughlyUniform() {
        for (int bits : new int[] {12, 200}) { // one word, and several words
            BitsWorkload w = new BitsWorkload(3, 0, bits);
            int n = 20_000;
            int[] ones = new int[bits - 1];
            for (int i = 0; i < n; i++) {
                BigInteger x = w.number(i);
                for (int b = 0; b < bits - 1; b++) {
                    ones[b] += x.testBit(b) ? 1 : 0;
                }
            }
            for (int b = 0; b < bits - 1; b++) { // 6 standard deviations is about 425
                assertThat(ones[b]).as("bit %d of %d", b, bits).isBetween(n / 2 - 425, n / 2 + 425);
            }
        }
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> new BitsWorkload(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitsWorkload(1, 1, BitsWorkload.MAX_BITS + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitsWorkload(1, -1, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
