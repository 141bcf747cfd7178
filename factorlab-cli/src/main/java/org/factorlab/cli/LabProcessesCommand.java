package org.factorlab.cli;

import org.factorlab.engine.lab.ProcessesExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code factorlab lab processes}: start-up cost of threads and child JVMs, round trips over pipes,
 * and crash isolation; see {@link ProcessesExperiment}.
 */
@Command(name = "processes",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "What a process costs and what it buys: start-up of platform threads, virtual threads and",
            "child JVMs; round-trip latency and throughput over pipes; a child JVM killed mid-work beside",
            "a thread pool task that throws.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab lab processes                   the defaults (a few seconds)",
            "  factorlab lab processes --round-trips 500 --count 30000 --json",
            "",
            "Exit status: 0 ok, 2 bad usage, 130 interrupted."
        })
final class LabProcessesCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--thread-starts", paramLabel = "N", defaultValue = "100",
            description = "Platform and virtual threads to start and join, each (default: ${DEFAULT-VALUE}).")
    int threadStarts;

    @Option(names = "--jvm-starts", paramLabel = "N", defaultValue = "3",
            description = "Child JVMs to start; the median is reported (default: ${DEFAULT-VALUE}).")
    int jvmStarts;

    @Option(names = "--round-trips", paramLabel = "N", defaultValue = "2000",
            description = "16-byte round trips (default: ${DEFAULT-VALUE}).")
    int roundTrips;

    @Option(names = "--large", paramLabel = "N", defaultValue = "64",
            description = "1 MiB round trips (default: ${DEFAULT-VALUE}).")
    int large;

    @Option(names = "--count", paramLabel = "N", defaultValue = "200000",
            description = "Numbers factored in the crash-isolation run (default: ${DEFAULT-VALUE}).")
    long count;

    @CommandLine.Mixin
    LabCommand.Output output = new LabCommand.Output();

    LabProcessesCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        LabCommand.requireRange(spec, "--thread-starts", threadStarts, 10_000);
        LabCommand.requireRange(spec, "--jvm-starts", jvmStarts, 20);
        LabCommand.requireRange(spec, "--round-trips", roundTrips, 1_000_000);
        LabCommand.requireRange(spec, "--large", large, 1024);
        LabCommand.requireRange(spec, "--count", count, 10_000_000);
        var config = new ProcessesExperiment.Config(threadStarts, jvmStarts, roundTrips, large, count);
        return OutputErrors.guard(streams.err(), () -> output.print(streams, ProcessesExperiment.run(config)));
    }
}
