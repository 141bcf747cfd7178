package org.factorlab.engine.bench;

import java.util.List;

/**
 * One external tool timed as a whole process on the same input as {@code factorlab factor}
 * ({@code --compare-external}).
 *
 * @param tool    a short name: {@code factorlab}, {@code gnu-factor}, {@code gnu-parallel}, {@code pari-gp},
 *                {@code python-sequential}, {@code python-10-processes}
 * @param command the exact command line that was timed
 * @param status  {@code ok}, {@code skipped} (not installed) or {@code failed}
 * @param reason  why it was skipped or failed; empty when ok
 * @param seconds the wall time of each repetition
 * @param wall    statistics of {@code seconds}; {@code null} unless ok
 * @param ratio   this tool's median divided by factorlab's (above 1: factorlab is faster); NaN unless ok
 */
public record ExternalMeasurement(String tool, String command, String status, String reason, List<Double> seconds,
                                  Summary wall, double ratio) {
    public ExternalMeasurement {
        seconds = List.copyOf(seconds);
    }
}
