package org.factorlab.engine.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one run cost: the single statistics type every report (the run summary, bench exports) reads.
 *
 * @param model     the execution model's name
 * @param workers   how many workers it used
 * @param count     how many numbers were processed (failed ones included)
 * @param failed    how many numbers failed (verification, a crashed or stuck worker)
 * @param wallNanos elapsed wall-clock time, from {@link System#nanoTime()}
 * @param cpuNanos  CPU time over the run: this JVM's threads plus any child processes; -1 if unknown
 * @param busyNanos time the workers spent computing, summed over workers (for utilisation)
 * @param details   the model's own measurements, in display order (see
 *                  {@link org.factorlab.engine.model.ExecutionModel#details()})
 */
public record RunStats(String model, int workers, long count, long failed, long wallNanos, long cpuNanos,
                       long busyNanos, Map<String, String> details) {

    public RunStats {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Wall time in seconds. */
    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** Numbers processed per second of wall time. */
    public double numbersPerSecond() {
        return wallNanos == 0 ? 0 : count / wallSeconds();
    }

    /** The share of the workers' time spent computing: busy time / (workers × wall time), 0 to 1. */
    public double utilisation() {
        return wallNanos == 0 ? 0 : Math.min(1.0, busyNanos / ((double) workers * wallNanos));
    }

    /** The seed program's last line: {@code Execution Time: 0.123456}. */
    public String executionTimeLine() {
        return String.format(Locale.ROOT, "Execution Time: %.6f", wallSeconds());
    }

    /** The one-line summary printed after a run. */
    public String summaryLine() {
        String cpu = cpuNanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f s", cpuNanos / 1e9);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "model=%s workers=%d count=%d wall=%.3f s cpu=%s rate=%,.0f numbers/s utilisation=%.0f%%",
                model, workers, count, wallSeconds(), cpu, numbersPerSecond(), 100 * utilisation()));
        if (failed > 0) {
            sb.append(" failed=").append(failed);
        }
        details.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
