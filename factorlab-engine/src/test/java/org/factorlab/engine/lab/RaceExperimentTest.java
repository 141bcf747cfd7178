package org.factorlab.engine.lab;

import org.factorlab.engine.lab.RaceExperiment.CheckThenActRun;
import org.factorlab.engine.lab.RaceExperiment.CounterRun;
import org.factorlab.engine.lab.RaceExperiment.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RaceExperimentTest {

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"SYNCHRONIZED", "LOCK", "ATOMIC", "ADDER"})
    void threadSafeCountersCountExactly(Variant v) {
        CounterRun r = RaceExperiment.count(v, 4, 50_000);
        assertThat(r.expected()).isEqualTo(200_000);
        assertThat(r.actual()).isEqualTo(200_000);
        assertThat(r.lost()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"PLAIN", "VOLATILE"})
    void unsafeCountersAreReportedNeverOverCounting(Variant v) {
        // they may or may not lose updates on a given run; they can never invent one
        CounterRun r = RaceExperiment.count(v, 4, 50_000);
        assertThat(r.actual()).isBetween(1L, 200_000L);
        assertThat(r.lost()).isEqualTo(200_000 - r.actual());
    }

    @Test
    void computeIfAbsentFactorsEachNumberOnceAndKeepsThemAll() {
        CheckThenActRun r = RaceExperiment.checkThenAct(true, 4, 2_000);
        assertThat(r.factorCalls()).isEqualTo(2_000);
        assertThat(r.duplicated()).isZero();
        assertThat(r.entries()).isEqualTo(2_000);
        assertThat(r.exceptions()).isZero();
    }

    @Test
    void theHashMapRaceIsMeasuredNotAssumed() {
        CheckThenActRun r = RaceExperiment.checkThenAct(false, 4, 2_000);
        assertThat(r.factorCalls()).isBetween(2_000L, 8_000L); // at least once, at most once per thread
    }

    private static List<CounterRun> counters(long plainLost, long volatileLost, long syncNanos, long adderNanos) {
        return List.of(new CounterRun(Variant.PLAIN, 1000, 1000 - plainLost, 10),
                new CounterRun(Variant.VOLATILE, 1000, 1000 - volatileLost, 20),
                new CounterRun(Variant.SYNCHRONIZED, 1000, 1000, syncNanos),
                new CounterRun(Variant.LOCK, 1000, 1000, 5000),
                new CounterRun(Variant.ATOMIC, 1000, 1000, 4000),
                new CounterRun(Variant.ADDER, 1000, 1000, adderNanos));
    }

    @Test
    void theLostUpdateVerdictFollowsTheCounts() {
        List<String> lost = RaceExperiment.conclusions(counters(250, 0, 10_000, 2_000), List.of());
        assertThat(lost.get(0)).isEqualTo("Lost updates this run: plain field lost 250 of 1,000 (25.0%).");
        assertThat(lost.get(1)).startsWith("volatile happened to count exactly");

        List<String> none = RaceExperiment.conclusions(counters(0, 0, 10_000, 2_000), List.of());
        assertThat(none.get(0)).startsWith("None of the variants lost updates this run").contains("--increments");

        List<String> swapped = RaceExperiment.conclusions(counters(0, 250, 10_000, 2_000), List.of());
        assertThat(swapped.get(0)).isEqualTo("Lost updates this run: volatile lost 250 of 1,000 (25.0%).");
    }

    @Test
    void theSpeedVerdictFlipsWhenTheTimesSwap() {
        assertThat(RaceExperiment.conclusions(counters(0, 0, 10_000, 2_000), List.of()))
                .contains("Of the correct variants, LongAdder was fastest (2.0 ns/increment) and synchronized slowest"
                        + " (10.0 ns/increment), 5.0x slower.");
        assertThat(RaceExperiment.conclusions(counters(0, 0, 2_000, 10_000), List.of()))
                .contains("Of the correct variants, synchronized was fastest (2.0 ns/increment) and LongAdder slowest"
                        + " (10.0 ns/increment), 5.0x slower.");
    }

    @Test
    void aSafeVariantThatMiscountsIsFlaggedAsABug() {
        List<CounterRun> runs = List.of(new CounterRun(Variant.ATOMIC, 1000, 999, 10));
        assertThat(RaceExperiment.conclusions(runs, List.of())).contains("BUG: AtomicLong should never lose an update.");
    }

    @Test
    void theMapVerdictFollowsTheCounts() {
        CheckThenActRun racy = new CheckThenActRun("HashMap check-then-act", 100, 130, 25, 98, 1, "ClassCastException");
        CheckThenActRun clean = new CheckThenActRun("HashMap check-then-act", 100, 100, 0, 100, 0, "");
        assertThat(RaceExperiment.conclusions(List.of(), List.of(racy))).containsExactly("HashMap check-then-act factored"
                + " 25 of 100 numbers more than once (130 factorizations for 100 numbers), ended with 98 entries instead"
                + " of 100, threw 1 exception (first: ClassCastException).");
        assertThat(RaceExperiment.conclusions(List.of(), List.of(clean))).containsExactly("HashMap check-then-act"
                + " factored each of the 100 numbers exactly once and kept them all.");
    }

    @Test
    void runLeavesNoThreadsBehind() {
        LabResult r = RaceExperiment.run(2, 10_000, 500);
        assertThat(r.experiment()).isEqualTo("race");
        assertThat(r.tables()).hasSize(2);
        assertThat(r.tables().get(0).rows()).hasSize(Variant.values().length);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("lab-race-"));
    }
}
