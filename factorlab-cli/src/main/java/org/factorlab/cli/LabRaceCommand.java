package org.factorlab.cli;

import org.factorlab.engine.lab.RaceExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code factorlab lab race}: lost updates on one shared counter under six ways of sharing it, and
 * a check-then-act race on a shared map of factor lists.
 */
@Command(name = "race",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Start N threads together, each adding 1 to one shared counter M times: a plain field,",
            "volatile, synchronized, ReentrantLock, AtomicLong and LongAdder. Report the expected and",
            "actual count (lost updates) and the time of each. Then race N threads on one shared map of",
            "factor lists: check-then-act on a HashMap against ConcurrentHashMap.computeIfAbsent.",
            "Whether the unsafe variants lose updates on a given run is measured, not assumed.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab lab race                               4 threads x 1,000,000 increments",
            "  factorlab lab race --threads 8 --increments 5000000",
            "  factorlab lab race --json",
            "",
            "Exit status: 0 ok, 2 bad usage."
        })
final class LabRaceCommand implements Callable<Integer> {
    static final int MAX_THREADS = 64;
    static final long MAX_INCREMENTS = 50_000_000;
    /** threads x increments; keeps the slowest variant (synchronized, ~70 ns each) to a few seconds. */
    static final long MAX_TOTAL = 50_000_000;

    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
            description = "Threads sharing the counter and the map, 1 to " + MAX_THREADS + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--increments", paramLabel = "M", defaultValue = "1000000",
            description = "Increments per thread, 1 to " + MAX_INCREMENTS + "; threads x increments at most "
                    + MAX_TOTAL + " (default: ${DEFAULT-VALUE}).")
    long increments;

    @CommandLine.Mixin
    LabCommand.Output output = new LabCommand.Output();

    LabRaceCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        LabCommand.requireRange(spec, "--threads", threads, MAX_THREADS);
        LabCommand.requireRange(spec, "--increments", increments, MAX_INCREMENTS);
        if (threads * increments > MAX_TOTAL) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(
                    "--threads x --increments must be at most %,d: %,d", MAX_TOTAL, threads * increments));
        }
        return output.print(streams, RaceExperiment.run(threads, increments));
    }
}
