package org.factorlab.engine.bench;

import java.util.List;
import java.util.Map;

/**
 * Every sample of one configuration — a workload under one model with one worker count — and what
 * follows from them.
 *
 * @param workload   the workload's name ({@code seed}, {@code cpu}, …)
 * @param model      the execution model
 * @param workers    its worker count
 * @param samples    the measured repetitions (warm-up runs are not included)
 * @param wall       statistics of the wall times, in seconds
 * @param speedup    the sequential median divided by this median (1 for sequential itself)
 * @param efficiency speed-up divided by workers (parallel efficiency, 0 to about 1)
 * @param details    the model's own measurements from the last repetition (see RunStats#details)
 */
public record Measurement(String workload, String model, int workers, List<Sample> samples, Summary wall,
                          double speedup, double efficiency, Map<String, String> details) {
    public Measurement {
        samples = List.copyOf(samples);
        details = Map.copyOf(details);
    }
}
