package org.factorlab.cli;

import org.factorlab.vertx.lab.IoExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code factorlab lab io}: I/O-bound requests to a local server, sequential vs platform pools vs virtual
 * threads vs the Vert.x event loop; then the same thread counts on CPU-bound work.
 */
@Command(name = "io",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "I/O-bound tasks against an HTTP server the lab starts on 127.0.0.1 (each answer waits --latency):",
            "sequential vs 16 and 200 platform threads vs virtual threads vs one Vert.x event loop, per task;",
            "then the same thread counts on CPU-bound factoring, where threads beyond the cores gain nothing.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab lab io                          20 ms latency, 5,000 tasks (under a minute)",
            "  factorlab lab io --latency 50 --tasks 1000 --json",
            "",
            "Exit status: 0 ok, 2 bad usage."
        })
final class LabIoCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "20",
            description = "How long the server waits before each answer, 0 to 1000 ms (default: ${DEFAULT-VALUE}).")
    long latency;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "5000",
            description = "Tasks for virtual threads and the event loop, 50 to 100000; the pools get N/5, "
                    + "sequential N/50 (default: ${DEFAULT-VALUE}).")
    int tasks;

    @CommandLine.Mixin
    LabCommand.Output output = new LabCommand.Output();

    LabIoCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        IoExperiment.Options options;
        try {
            options = new IoExperiment.Options(latency, tasks);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return output.print(streams, IoExperiment.run(options));
    }
}
