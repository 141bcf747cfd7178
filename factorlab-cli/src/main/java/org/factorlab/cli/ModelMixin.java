package org.factorlab.cli;

import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.NoSuchElementException;

/** The options every command that runs a job shares: which execution model, how many workers, chunking, order. */
final class ModelMixin {
    static final String MODELS = "sequential, threads, virtual, forkjoin, processes, gil, eventloop";

    @Option(names = "--model", paramLabel = "NAME",
            description = "Execution model: " + MODELS + " (default: factor uses threads, or sequential"
                    + " with -j 1; run uses sequential).")
    String model;

    @Option(names = {"-j", "--workers", "--jobs"}, paramLabel = "N",
            description = "Workers: threads, processes, ... (default: the available processors, ${sys:factorlab.cores};"
                    + " sequential always has one).")
    Integer workers;

    @Option(names = "--chunk", paramLabel = "K",
            description = "Numbers per unit of work (default: up to 1000, fewer so every worker gets several).")
    Integer chunk;

    @Option(names = "--unordered", description = "Print results as they complete instead of in input order.")
    boolean unordered;

    @Option(names = "--task-timeout", paramLabel = "SECONDS",
            description = "processes: stop a worker stuck on one chunk this long and report its numbers as failed.")
    Double taskTimeout;

    @Option(names = "--switch-interval", paramLabel = "MS", defaultValue = "5",
            description = "gil: how long a thread may hold the lock while another waits (default: ${DEFAULT-VALUE} ms, as CPython).")
    double switchIntervalMillis = 5;

    @Option(names = "--on-loop", description = "eventloop: factor on the event loop itself (the classic mistake), to measure the blocking.")
    boolean onLoop;

    static {
        System.setProperty("factorlab.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    /** The model name, or {@code fallback} when none was given; checked against the registry. */
    String modelName(CommandLine cmd, String fallback) {
        String name = model == null ? fallback : model;
        try {
            ModelRegistry.provider(name);
        } catch (NoSuchElementException e) {
            throw new CommandLine.ParameterException(cmd, "--model: " + e.getMessage());
        }
        return name;
    }

    /** The model's settings, validated. */
    ModelOptions options(CommandLine cmd, String modelName) {
        int n = workers == null ? (modelName.equals("sequential") ? 1 : Runtime.getRuntime().availableProcessors()) : workers;
        if (n < 1) {
            throw new CommandLine.ParameterException(cmd, "--workers must be at least 1: " + n);
        }
        if (chunk != null && chunk < 1) {
            throw new CommandLine.ParameterException(cmd, "--chunk must be at least 1: " + chunk);
        }
        if (taskTimeout != null && !(taskTimeout > 0)) {
            throw new CommandLine.ParameterException(cmd, "--task-timeout must be positive: " + taskTimeout);
        }
        if (!(switchIntervalMillis > 0)) {
            throw new CommandLine.ParameterException(cmd, "--switch-interval must be positive: " + switchIntervalMillis);
        }
        Duration timeout = taskTimeout == null ? null : Duration.ofNanos((long) (taskTimeout * 1e9));
        return new ModelOptions(n, timeout, Duration.ofNanos((long) (switchIntervalMillis * 1e6)), onLoop);
    }

    /** The chunk size: as given, else enough chunks for every worker to get several, at most 1000 numbers. */
    int chunkSize(long total, int workers) {
        if (chunk != null) {
            return chunk;
        }
        if (total < 0) {
            return 1000;
        }
        return (int) Math.max(1, Math.min(1000, (total + 4L * workers - 1) / (4L * workers)));
    }
}
