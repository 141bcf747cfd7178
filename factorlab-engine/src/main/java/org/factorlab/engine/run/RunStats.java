package org.factorlab.engine.run;

import java.util.Locale;

/**
 * What one run cost: the single statistics type every report (the run summary, bench exports) reads.
 *
 * @param model     the execution model's name
 * @param workers   how many workers it used
 * @param count     how many numbers were factored
 * @param wallNanos elapsed wall-clock time, from {@link System#nanoTime()}
 * @param cpuNanos  CPU time of the process over the run (all threads), or -1 when the JVM cannot tell
 */
public record RunStats(String model, int workers, long count, long wallNanos, long cpuNanos) {

    /** Wall time in seconds. */
    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** Numbers factored per second of wall time. */
    public double numbersPerSecond() {
        return wallNanos == 0 ? 0 : count / wallSeconds();
    }

    /** The seed program's last line: {@code Execution Time: 0.123456}. */
    public String executionTimeLine() {
        return String.format(Locale.ROOT, "Execution Time: %.6f", wallSeconds());
    }

    /** The one-line summary printed after a run. */
    public String summaryLine() {
        String cpu = cpuNanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f s", cpuNanos / 1e9);
        return String.format(Locale.ROOT, "model=%s workers=%d count=%d wall=%.3f s cpu=%s rate=%,.0f numbers/s",
                model, workers, count, wallSeconds(), cpu, numbersPerSecond());
    }
}
