package org.factorlab.cli;

import org.factorlab.core.workload.BitsWorkload;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.core.workload.SemiprimeWorkload;
import org.factorlab.engine.io.ByteOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

/**
 * {@code factorlab gen}: writes reproducible benchmark inputs, one number per line.
 *
 * <p>Three kinds: uniform in {@code [--min, --max]} (the numbers {@code run} factors, for the same
 * seed), {@code --bits B} (uniform B-bit numbers) and {@code --semiprimes B} (products of two random
 * B/2-bit primes). Every number is a pure function of the seed and its index, so the output is
 * streamed in constant memory and is byte-for-byte the same on every machine.
 */
@Command(name = "gen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Write reproducible random inputs, one number per line.",
            "The i-th number depends only on --seed and i; the seed is printed on standard error.",
            ""
        },
        footer = {
            "",
            "Examples (the inputs of the benchmark table):",
            "  factorlab gen --seed 1 -o seed.txt              the seed workload: 10,000",
            "                                                  in [20000, 10^8], as run's",
            "  factorlab gen --count 100000 --bits 64 --seed 1       random 64-bit numbers",
            "  factorlab gen --count 1000000 --min 0 --max 4294967295       below 2^32",
            "  factorlab gen --count 100000 --min 0 --max 18446744073709551615",
            "                                                  uniform below 2^64",
            "  factorlab gen --count 100000 --semiprimes 64    two 32-bit primes each",
            "  factorlab gen --count 2000 --semiprimes 64 --seed 1",
            "  factorlab gen --count 20 --semiprimes 96        two 48-bit primes each",
            "  factorlab gen --count 3 --semiprimes 128        two 64-bit primes each",
            "  factorlab gen --count 2 --semiprimes 132        40 digits (133 bits would",
            "                                                  give some of 41 digits)",
            "  factorlab gen --count 2 --semiprimes 166        50 digits",
            "  factorlab gen --count 2 --semiprimes 202        61 digits",
            "  factorlab gen --count 1 --semiprimes 232        70 digits",
            "Consecutive numbers come from seq:",
            "  seq 18446744073709451616 18446744073709551615   100,000 just below 2^64",
            "  seq 39614081257132168796771975168 39614081257132168796771977167",
            "                                                  2,000 of 96 bits",
            "",
            "Exit status: 0 ok, 1 output could not be written, 2 bad usage, 130 interrupted."
        })
final class GenCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10000",
            description = "How many numbers (default: ${DEFAULT-VALUE}).")
    long count;

    // The same defaults as 'run', so that 'gen --seed S' writes the numbers 'run --seed S' factors.
    @Option(names = "--min", paramLabel = "MIN", defaultValue = "20000", converter = RunCommand.UnsignedLongConverter.class,
            description = "Smallest number, up to 2^64-1 (default: ${DEFAULT-VALUE}, as in run).")
    long min;

    @Option(names = "--max", paramLabel = "MAX", defaultValue = "100000000", converter = RunCommand.UnsignedLongConverter.class,
            description = "Largest number, up to 2^64-1 (default: ${DEFAULT-VALUE}, as in run).")
    long max;

    @Option(names = "--bits", paramLabel = "B",
            description = "Uniform numbers of exactly B bits (top bit set), 1 to " + BitsWorkload.MAX_BITS + "."
                    + " Not with --min, --max or --semiprimes.")
    Integer bits;

    @Option(names = "--semiprimes", paramLabel = "B",
            description = "Products of two random primes of B/2 bits each, exactly B bits, "
                    + SemiprimeWorkload.MIN_BITS + " to " + SemiprimeWorkload.MAX_BITS + ". Not with --min, --max or --bits.")
    Integer semiprimes;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed (default: chosen at random and printed, so the output can be made again).")
    Long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output.")
    Path output;

    GenCommand(Streams streams) {
        this.streams = streams;
    }

    /** The numbers to write: the one piece that differs between the three kinds. */
    private interface Source {
        void write(long index, ByteOutput out) throws IOException;
    }

    @Override
    public Integer call() {
        Source source = source(seed != null ? seed : new SecureRandom().nextLong() >>> 1);
        return OutputErrors.guard(streams.err(), () -> {
            if (output == null) {
                return write(source, streams.out());
            }
            OutputStream file;
            try {
                file = Files.newOutputStream(output);
            } catch (IOException e) {
                streams.err().println("factorlab: cannot write '" + output + "': " + reason(e));
                return ExitStatus.FAILURE;
            }
            try (file) {
                return write(source, file);
            }
        });
    }

    private int write(Source source, OutputStream target) throws IOException {
        ByteOutput out = new ByteOutput(target);
        for (long i = 0; i < count; i++) {
            source.write(i, out);
            out.write((byte) '\n');
        }
        out.flush();
        return ExitStatus.OK;
    }

    /** Checks the options and prints the seed; usage mistakes throw picocli's one-line error. */
    private Source source(long s) {
        CommandLine cli = spec.commandLine();
        CommandLine.ParseResult parsed = cli.getParseResult();
        boolean range = parsed.hasMatchedOption("--min") || parsed.hasMatchedOption("--max");
        if (count < 0) {
            throw new CommandLine.ParameterException(cli, "--count must not be negative: " + count);
        }
        if (bits != null && semiprimes != null) {
            throw new CommandLine.ParameterException(cli, "--bits and --semiprimes cannot be used together");
        }
        if (range && (bits != null || semiprimes != null)) {
            throw new CommandLine.ParameterException(cli, (bits != null ? "--bits" : "--semiprimes")
                    + " cannot be used with --min or --max");
        }
        Source source;
        if (bits != null) {
            requireWithin(cli, "--bits", bits, 1, BitsWorkload.MAX_BITS);
            BitsWorkload w = new BitsWorkload(s, count, bits);
            source = w.fitsInLong() ? (i, out) -> out.writeUnsigned(w.number64(i))
                    : (i, out) -> out.write(w.number(i).toString());
        } else if (semiprimes != null) {
            requireWithin(cli, "--semiprimes", semiprimes, SemiprimeWorkload.MIN_BITS, SemiprimeWorkload.MAX_BITS);
            SemiprimeWorkload w = new SemiprimeWorkload(s, count, semiprimes);
            source = w.fitsInLong() ? (i, out) -> out.writeUnsigned(w.number64(i))
                    : (i, out) -> out.write(w.number(i).toString());
        } else {
            if (Long.compareUnsigned(min, max) > 0) {
                throw new CommandLine.ParameterException(cli, "--min " + Long.toUnsignedString(min)
                        + " is above --max " + Long.toUnsignedString(max));
            }
            RandomWorkload w = new RandomWorkload(s, count, min, max);
            source = (i, out) -> out.writeUnsigned(w.number(i));
        }
        streams.err().println("Seed: " + s + " (repeat with --seed " + s + ")");
        return source;
    }

    private static void requireWithin(CommandLine cli, String option, int value, int low, int high) {
        if (value < low || value > high) {
            throw new CommandLine.ParameterException(cli, option + " must be from " + low + " to " + high + ": " + value);
        }
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
    }
}
