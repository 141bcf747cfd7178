package org.factorlab.cli;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.work.JobSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.security.SecureRandom;
import java.util.concurrent.Callable;

/**
 * {@code factorlab run}: the seed's experiment. Factor {@code --count} random integers from
 * {@code [--min, --max]}, print each factor list, then the time it took.
 *
 * <p>Results go to standard output; the framing ("Starting number crunching", the seed, the
 * execution time and the summary) goes to standard error, so that standard output can be compared
 * byte for byte between runs, algorithms and models.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Run the seed experiment: factor random integers and time it.",
            "The i-th number depends only on --seed and i, so any run can be repeated exactly.",
            "Results go to standard output; 'Starting number crunching', the seed,",
            "'Execution Time: <seconds>' and a summary line go to standard error.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab run                       the seed program: 10,000 numbers, trial",
            "  factorlab run --seed 42 --format gnu > a.txt      repeatable; GNU's format",
            "  factorlab run --algorithm auto --count 1000000 --quiet",
            "  factorlab run --algorithm auto --max 18446744073709551615 --count 5",
            "  factorlab run --model processes --workers 10     the seed's 10 processes",
            "  factorlab run --model gil -j 4 --count 100000    threads under a GIL",
            "",
            "Exit status: 0 ok, 1 failed numbers, 2 bad usage, 130 interrupted."
        })
final class RunCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10000",
            description = "How many numbers to factor (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--min", paramLabel = "MIN", defaultValue = "20000", converter = UnsignedLongConverter.class,
            description = "Smallest number, up to 2^64-1 (default: ${DEFAULT-VALUE}).")
    long min;

    @Option(names = "--max", paramLabel = "MAX", defaultValue = "100000000", converter = UnsignedLongConverter.class,
            description = "Largest number, up to 2^64-1 (default: ${DEFAULT-VALUE}).")
    long max;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the random numbers (default: chosen at random and printed, so the run can be repeated).")
    Long seed;

    @Option(names = "--algorithm", paramLabel = "A", defaultValue = "trial", converter = AlgorithmConverter.class,
            description = "trial: the seed's trial division by 2, 3, 4, ... (the reference workload);"
                    + " auto: the fastest method for each size (default: ${DEFAULT-VALUE}).")
    Algorithm algorithm;

    @Option(names = "--format", paramLabel = "F", defaultValue = "list", converter = RunFormatConverter.class,
            description = "list: the seed's [2, 2, 3]; gnu: 12: 2 2 3; json: JSON Lines (default: ${DEFAULT-VALUE}).")
    FactorFormat format;

    @Option(names = {"-q", "--quiet"}, description = "Print no results, only the timing.")
    boolean quiet;

    @Option(names = "--verify", description = "Check every result (product equals the number, every factor prime);"
            + " a failure is reported and gives exit status 1.")
    boolean verify;

    @CommandLine.Mixin
    ModelMixin models = new ModelMixin();

    RunCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must not be negative: " + count);
        }
        if (Long.compareUnsigned(min, max) > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min " + Long.toUnsignedString(min)
                    + " is above --max " + Long.toUnsignedString(max));
        }
        String modelName = models.modelName(spec.commandLine(), "sequential");
        ModelOptions options = models.options(spec.commandLine(), modelName);
        long s = seed != null ? seed : new SecureRandom().nextLong() >>> 1;
        RandomWorkload workload = new RandomWorkload(s, count, min, max);
        JobSpec job = new JobSpec(algorithm, quiet ? null : format, verify);
        RandomChunks input = new RandomChunks(workload, models.chunkSize(count, options.workers()));
        streams.err().println("Starting number crunching");
        streams.err().println("Seed: " + s + " (repeat with --seed " + s + ")");
        ByteOutput out = new ByteOutput(streams.out());
        return OutputErrors.guard(streams.err(), () -> {
            RunStats stats = JobRunner.run(streams, modelName, options, job, input, !models.unordered, !quiet, out);
            streams.err().println(stats.executionTimeLine());
            streams.err().println(stats.summaryLine() + " algorithm=" + algorithm.cliName());
            return stats.failed() == 0 ? ExitStatus.OK : ExitStatus.FAILURE;
        });
    }

    static final class UnsignedLongConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseUnsignedLong(value.startsWith("+") ? value.substring(1) : value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an integer from 0 to 2^64-1");
            }
        }
    }

    static final class AlgorithmConverter implements CommandLine.ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String value) {
            for (Algorithm a : Algorithm.values()) {
                if (a.cliName().equals(value)) {
                    return a;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not an algorithm (trial, auto)");
        }
    }

    static final class RunFormatConverter implements CommandLine.ITypeConverter<FactorFormat> {
        @Override
        public FactorFormat convert(String value) {
            return switch (value) {
                case "list" -> FactorFormat.LIST;
                case "gnu" -> FactorFormat.GNU;
                case "json" -> FactorFormat.JSON;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a format (list, gnu, json)");
            };
        }
    }
}
