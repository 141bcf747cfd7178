package org.factorlab.cli;

import org.factorlab.engine.lab.GilExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code factorlab lab gil}: CPU-bound factoring with 1, 2, 4, 8 threads under free threads, the
 * {@code gil} model and child JVMs; see {@link GilExperiment}.
 */
@Command(name = "gil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Where a GIL flattens CPU-bound threads and where Java scales: the same trial-division job",
            "with each thread count under free threads, GIL threads and child JVMs, as a throughput table.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab lab gil                         1, 2, 4, 8 threads, 150,000 numbers (about 30 s)",
            "  factorlab lab gil --threads 1,2 --count 20000 --json",
            "",
            "Exit status: 0 ok, 2 bad usage, 130 interrupted."
        })
final class LabGilCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", split = ",", paramLabel = "N", defaultValue = "1,2,4,8",
            description = "Thread counts to try, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--count", paramLabel = "N", defaultValue = "150000",
            description = "Numbers factored in each run (default: ${DEFAULT-VALUE}).")
    long count;

    @CommandLine.Mixin
    LabCommand.Output output = new LabCommand.Output();

    LabGilCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        for (int n : threads) {
            LabCommand.requireRange(spec, "--threads", n, 64);
        }
        LabCommand.requireRange(spec, "--count", count, 100_000_000);
        return OutputErrors.guard(streams.err(), () -> output.print(streams, GilExperiment.run(threads, count)));
    }
}
