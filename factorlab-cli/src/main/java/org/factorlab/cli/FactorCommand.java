package org.factorlab.cli;

import org.factorlab.core.Algorithm;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.run.ArgumentChunks;
import org.factorlab.engine.run.ChunkSupplier;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.run.TokenChunks;
import org.factorlab.engine.work.JobSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code factorlab factor}: a drop-in for GNU {@code factor}.
 *
 * <p>GNU's contract, kept to the byte: {@code N: p1 p2 ...} per number, one diagnostic per bad token
 * on standard error, the rest still processed, exit status 1 at the end if anything was bad. As in
 * GNU {@code factor} 9.2+, {@code -h} means {@code --exponents} here, not help.
 */
@Command(name = "factor",
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Print the prime factors of each NUMBER, like GNU factor.",
            "With no NUMBER, read numbers separated by blanks or newlines from standard",
            "input, streaming in constant memory; output is written as input is read.",
            "Numbers of any size are accepted (methods chosen by size: see -v).",
            "Uses all cores by default: several numbers at once, and the work on one big",
            "number (ECM curves, quadratic-sieve polynomials) is shared; -j 1 keeps to one",
            "thread and gives the same output. A number that takes more than a second",
            "shows its progress on a terminal.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab factor 12                 12: 2 2 3",
            "  factorlab factor -h 3000            3000: 2^3 3 5^3",
            "  factorlab factor --json 12",
            "      {\"v\":1,\"number\":\"12\",\"factors\":[\"2\",\"2\",\"3\"]}",
            "  seq 1 100 | factorlab factor        one line per number",
            "  factorlab factor < big.txt          all cores, output in input order",
            "  factorlab factor -j 1 < big.txt     one thread, same output",
            "  factorlab factor -v 340282366920938463463374607431768211457",
            "      2^128+1, and on standard error which method found each factor and when",
            "",
            "An invalid token ('-5', 'abc', '1.5', '0x10', '') prints",
            "  factorlab: 'TOKEN' is not a valid positive integer",
            "on standard error; the other tokens are still factored and the exit status is 1.",
            "Exit status: 0 ok, 1 invalid input or failed verification, 2 bad usage, 130 interrupted."
        })
final class FactorCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--exponents"}, description = "Print repeated factors as p^e: 3000: 2^3 3 5^3.")
    boolean exponents;

    @Option(names = "--json", description = "Print JSON Lines: {\"v\":1,\"number\":\"12\",\"factors\":[\"2\",\"2\",\"3\"]}"
            + " (integers as strings; see docs/json.md).")
    boolean json;

    @Option(names = "--verify", description = "Check every result: the product equals the number and every factor"
            + " is prime (proven below 2^64, BPSW probable prime above). A failure is reported and gives exit status 1.")
    boolean verify;

    @Option(names = {"-v", "--verbose"}, description = "On standard error, for each number: which method found each"
            + " factor and how long it took.")
    boolean verbose;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Parameters(paramLabel = "NUMBER", arity = "0..*", description = "Positive integers (a leading + and leading zeros are accepted).")
    List<String> numbers = new ArrayList<>();

    @CommandLine.Mixin
    ModelMixin models = new ModelMixin();

    FactorCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        rejectUnknownOptions();
        return run(spec.commandLine());
    }

    /**
     * Runs the command with its fields as set, by picocli or by {@link QuickFactor}; {@code cmd} is the
     * parsed command line for usage errors ({@code null} from {@link QuickFactor}, which only passes
     * valid settings).
     */
    int run(CommandLine cmd) {
        // All cores by default; -j 1 (or --model sequential) keeps everything on one thread.
        boolean one = models.workers != null && models.workers == 1;
        String modelName = models.modelName(cmd, one ? "sequential" : "threads");
        ModelOptions options = models.options(cmd, modelName);
        FactorFormat format = json ? FactorFormat.JSON : exponents ? FactorFormat.EXPONENTS : FactorFormat.GNU;
        int numberThreads = modelName.equals("sequential") ? 1 : options.workers();
        JobSpec job = new JobSpec(Algorithm.AUTO, format, verify, verbose, numberThreads);
        int chunk = models.chunkSize(numbers.isEmpty() ? -1 : numbers.size(), options.workers());
        ChunkSupplier input = numbers.isEmpty()
                ? new TokenChunks(streams.in(), streams.err(), chunk)
                : new ArgumentChunks(numbers, streams.err(), chunk);
        ByteOutput out = new ByteOutput(streams.out());
        return OutputErrors.guard(streams.err(), () -> {
            RunStats stats = JobRunner.run(streams, modelName, options, job, input, !models.unordered, true, false, out);
            return input.invalid() == 0 && stats.failed() == 0 ? ExitStatus.OK : ExitStatus.FAILURE;
        });
    }

    /**
     * Arguments that picocli did not know are handed to us as numbers (so that {@code factor -5} is an
     * invalid number, as the spec asks). One that looks like an option ({@code --foo}, {@code -x}) and
     * did not follow {@code --} is a usage mistake instead.
     */
    private void rejectUnknownOptions() {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int endOfOptions = original.indexOf("--");
        List<String> literal = endOfOptions < 0 ? List.of() : original.subList(endOfOptions + 1, original.size());
        for (String n : numbers) {
            boolean optionLike = n.length() > 1 && n.charAt(0) == '-' && !Character.isDigit(n.charAt(1));
            if (optionLike && !literal.contains(n)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown option: '" + n + "'");
            }
        }
    }
}
