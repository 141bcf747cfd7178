package org.factorlab.engine.bench;

import org.factorlab.engine.bench.BaselineComparison.Change;
import org.factorlab.engine.bench.BaselineComparison.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

class BaselineComparisonTest {

    private static Measurement measurement(String model, int workers, double... seconds) {
        return new Measurement("cpu", model, workers, List.of(), Summary.of(seconds), 1, 1, Map.of());
    }

    private static BenchReport report(Measurement... measurements) {
        return new BenchReport(BenchReport.VERSION, "factorlab bench", "now", null, List.of(measurements), List.of());
    }

    @Test
    void overlappingIntervalsAreWithinNoise() {
        // five samples: the intervals are the ranges, [1.0, 1.4] and [1.3, 1.7]
        List<Change> changes = BaselineComparison.compare(
                report(measurement("threads", 2, 1.3, 1.4, 1.5, 1.6, 1.7)),
                report(measurement("threads", 2, 1.0, 1.1, 1.2, 1.3, 1.4)));
        assertThat(changes).hasSize(1);
        Change c = changes.getFirst();
        assertThat(c.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
        assertThat(c.beyondNoise()).isFalse();
        assertThat(c.baselineMedian()).isEqualTo(1.2);
        assertThat(c.currentMedian()).isEqualTo(1.5);
        assertThat(c.ratio()).isCloseTo(1.25, within(1e-12));
        assertThat(c.changePercent()).isCloseTo(25, within(1e-9));
    }

    @Test
    void disjointIntervalsBelowTheBaselineAreFaster() {
        Change c = BaselineComparison.compare(
                report(measurement("threads", 2, 0.50, 0.52, 0.51)),
                report(measurement("threads", 2, 1.00, 1.05, 1.02))).getFirst();
        assertThat(c.verdict()).isEqualTo(Verdict.FASTER);
        assertThat(c.beyondNoise()).isTrue();
        assertThat(c.ratio()).isLessThan(1);
        assertThat(c.changePercent()).isCloseTo(-50, within(1e-9));
    }

    @Test
    void disjointIntervalsAboveTheBaselineAreSlower() {
        Change c = BaselineComparison.compare(
                report(measurement("threads", 2, 2.0, 2.1, 2.2)),
                report(measurement("threads", 2, 1.0, 1.1, 1.2))).getFirst();
        assertThat(c.verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(c.ratio()).isGreaterThan(1);
        assertThat(c.changePercent()).isPositive();
    }

    @Test
    void medianOutsideTheOtherRangeIsStillNoiseWhenTheIntervalsOverlap() {
        // the medians differ by 40%, but one current sample is as slow as the baseline's fastest
        Change c = BaselineComparison.compare(
                report(measurement("virtual", 4, 0.6, 0.6, 1.0)),
                report(measurement("virtual", 4, 1.0, 1.0, 1.0))).getFirst();
        assertThat(c.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
    }

    @Test
    void matchesByWorkloadModelAndWorkersInTheCurrentOrder() {
        List<Change> changes = BaselineComparison.compare(
                report(measurement("threads", 4, 1), measurement("threads", 2, 2), measurement("virtual", 2, 3),
                        measurement("processes", 2, 4)),
                report(measurement("virtual", 2, 30), measurement("threads", 2, 20), measurement("threads", 4, 10),
                        measurement("threads", 8, 99)));
        assertThat(changes).extracting(Change::model, Change::workers, Change::baselineMedian, Change::currentMedian)
                .containsExactly(tuple("threads", 4, 10.0, 1.0),
                        tuple("threads", 2, 20.0, 2.0),
                        tuple("virtual", 2, 30.0, 3.0));
    }

    @Test
    void tableAlignsColumnsAndStatesTheVerdict() {
        List<Change> changes = BaselineComparison.compare(
                report(measurement("threads", 2, 0.50, 0.52, 0.51), measurement("sequential", 1, 1.3, 1.4, 1.5)),
                report(measurement("threads", 2, 1.00, 1.05, 1.02), measurement("sequential", 1, 1.2, 1.4, 1.6)));
        List<String> lines = BaselineComparison.table(changes).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("configuration").contains("baseline", "current", "change");
        assertThat(lines.get(1)).startsWith("cpu / threads / 2 workers").contains("1.020 s", "0.510 s", "-50.0%")
                .endsWith("faster");
        assertThat(lines.get(2)).startsWith("cpu / sequential / 1 worker ").contains("+0.0%").endsWith("within noise");
        // right-aligned numbers: the change column ends at the same place on every line
        int end = lines.get(0).indexOf("change") + "change".length();
        assertThat(lines.get(1).substring(0, end)).endsWith("-50.0%");
        assertThat(lines.get(2).substring(0, end)).endsWith("+0.0%");
    }

    @Test
    void tableSaysWhenNothingMatched() {
        assertThat(BaselineComparison.table(List.of())).contains("no configuration");
    }
}
