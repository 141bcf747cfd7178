package org.factorlab.engine.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    @Test
    void showsCountRateAndTimeLeftWhenTheTotalIsKnown() {
        String line = Progress.line(1000, 250, 2_000_000_000L);
        assertThat(line).contains("250/1,000", "125/s", "6s left").startsWith("[#######");
    }

    @Test
    void showsCountAndRateWhenTheTotalIsUnknown() {
        assertThat(Progress.line(-1, 5000, 2_000_000_000L)).isEqualTo("5,000 numbers  2,500/s  2s");
    }
}
