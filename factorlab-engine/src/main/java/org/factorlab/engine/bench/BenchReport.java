package org.factorlab.engine.bench;

import java.util.List;

/**
 * Everything one {@code factorlab bench} run measured: the one type every export (JSON, CSV,
 * Markdown, HTML) and the {@code --baseline} comparison read.
 *
 * @param version      the version of the report's shape (exports write it; readers check it)
 * @param command      the exact command line, for the report
 * @param started      when the benchmark started, ISO-8601
 * @param machine      where it ran
 * @param measurements one per configuration, in the order run
 * @param external     the {@code --compare-external} timings; empty when not asked for
 */
public record BenchReport(int version, String command, String started, MachineInfo machine,
                          List<Measurement> measurements, List<ExternalMeasurement> external) {
    /** The current version of the shape. */
    public static final int VERSION = 1;

    public BenchReport {
        measurements = List.copyOf(measurements);
        external = List.copyOf(external);
    }
}
