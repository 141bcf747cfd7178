package org.factorlab.engine.lab;

import org.factorlab.engine.lab.GilExperiment.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GilExperimentTest {
    /** Points with the given rates (numbers per second) for 1, 2, 4 threads. */
    private static List<Point> points(Map<String, double[]> rates) {
        List<Point> out = new ArrayList<>();
        int[] threads = {1, 2, 4};
        rates.forEach((model, r) -> {
            for (int i = 0; i < r.length; i++) {
                out.add(new Point(model, threads[i], 1_000_000, (long) (1_000_000 * 1e9 / r[i])));
            }
        });
        return out;
    }

    @Test
    @Timeout(60)
    void aSmallRunHasARowPerThreadCountAndAPointPerModel() throws Exception {
        LabResult r = GilExperiment.run(List.of(2, 1), 3_000);
        assertThat(r.experiment()).isEqualTo("gil");
        LabTable t = r.tables().getFirst();
        assertThat(t.rows()).extracting(row -> row.getFirst()).containsExactly("1", "2");
        assertThat(t.rows()).allSatisfy(row -> assertThat(row).doesNotContain("-"));
        assertThat((List<?>) r.data().get("points")).hasSize(6);
        assertThat(r.conclusions()).isNotEmpty().allSatisfy(c -> assertThat(c).isNotBlank());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void theVerdictFollowsTheNumbers() {
        List<Point> gilFlattens = points(Map.of("threads", new double[] {100, 195, 200},
                "gil", new double[] {100, 100, 99}, "processes", new double[] {90, 170, 175}));
        List<Point> swapped = points(Map.of("threads", new double[] {100, 100, 99},
                "gil", new double[] {100, 195, 200}, "processes", new double[] {90, 170, 175}));

        String first = GilExperiment.conclude(gilFlattens, 2).getFirst();
        assertThat(first).contains("free threads ran 2.0x", "GIL threads 1.0x", "the GIL flattens CPU-bound threads",
                "processes reached 1.9x");
        assertThat(GilExperiment.conclude(swapped, 2).getFirst())
                .contains("free threads ran 1.0x", "GIL threads 2.0x").doesNotContain("the GIL flattens");
    }

    @Test
    void whereFreeThreadsStopScalingFollowsTheNumbers() {
        List<Point> stopsAtTwo = points(Map.of("threads", new double[] {100, 195, 200},
                "gil", new double[] {100, 100, 99}, "processes", new double[] {90, 170, 175}));
        List<Point> keepsGoing = points(Map.of("threads", new double[] {100, 195, 380},
                "gil", new double[] {100, 100, 99}, "processes", new double[] {90, 170, 175}));

        assertThat(GilExperiment.conclude(stopsAtTwo, 2).get(1)).contains("stopped scaling at 2 threads",
                "beyond the core count");
        assertThat(GilExperiment.conclude(keepsGoing, 4).get(1)).contains("kept scaling up to 4 threads");
        assertThat(GilExperiment.conclude(stopsAtTwo, 2).get(2)).contains("processes reached 88%");
    }
}
