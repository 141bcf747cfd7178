package org.factorlab.engine.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Times {@code factorlab factor} against other factoring tools, each run as a whole process on the
 * same input file ({@code bench --compare-external}).
 *
 * <p><b>What is measured.</b> The wall time from starting the process to its exit, with standard input
 * read from the input file and standard output discarded: what a user running the tool once would
 * see, start-up included. Every tool gets one unmeasured warm-up run first (it brings the input and
 * the tool's files into the page cache, and builds factorlab's jar if the launcher finds it stale),
 * then {@code repetitions} measured runs. The order of the tools rotates by one place from one
 * repetition to the next, so that slow drifts of the machine (another job starting, the CPU clocking
 * down) do not always fall on the same tool. The ratio of a tool is its median divided by factorlab's
 * median: above 1, factorlab is faster.
 *
 * <p><b>Outcomes.</b> A tool whose executable is not found is {@code skipped} with reason "not
 * installed" — never an error, since only GNU {@code factor} is on every machine. The Python seed
 * programs are {@code skipped} on inputs they were not written for (see {@link #seedSized}). A tool
 * that exits non-zero or runs past the time limit is {@code failed}, with the first line of its
 * standard error as the reason, and is not run again.
 *
 * <p><b>Resources.</b> Each run owns its process; a run that times out, or whose waiting thread is
 * interrupted, has the process and its descendants killed before this class returns or throws.
 * Instances are immutable; {@link #run} may be called from several threads, but concurrent runs
 * disturb each other's timings.
 *
 * <pre>{@code
 * List<ExternalMeasurement> m = ExternalTools.compare(Path.of("seed.txt"), Path.of("."), 2, 5, line -> {});
 * m.forEach(t -> System.out.println(t.tool() + " " + t.status() + " " + t.ratio()));
 * }</pre>
 */
public final class ExternalTools {
    /** The name of the tool every ratio is relative to. */
    public static final String FACTORLAB = "factorlab";
    /** The Python seed programs run only on inputs of at most this many lines. */
    public static final long SEED_MAX_LINES = 100_000;
    /**
     * ... and only when lines × √(largest number) stays below this: trial division costs up to √n
     * steps per number, and the seed workload (10,000 numbers up to 10^8) costs 10^8 at most.
     */
    static final double SEED_MAX_WORK = 1e9;
    /** How long one run may take by default before it is killed and the tool marked failed. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

    /**
     * One tool to time.
     *
     * @param name       a short name, as in {@link ExternalMeasurement#tool()}
     * @param command    the program and its arguments; the program is looked up on the PATH unless it
     *                   contains a '/'
     * @param seedSized  whether it only makes sense on inputs like the seed workload (the Python programs)
     */
    public record Tool(String name, List<String> command, boolean seedSized) {
        public Tool {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("no command for " + name);
            }
        }
    }

    /** Finds an executable by name; the PATH lookup by default, replaceable in tests. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Path> find(String program);

        /** Looks a bare name up in the directories of {@code PATH}; a name with a '/' is taken as a path. */
        static Lookup systemPath() {
            return program -> {
                if (program.contains("/")) {
                    Path p = Path.of(program);
                    return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
                }
                String path = System.getenv("PATH");
                if (path == null) {
                    return Optional.empty();
                }
                for (String dir : path.split(File.pathSeparator)) {
                    Path p = Path.of(dir.isEmpty() ? "." : dir, program);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
                return Optional.empty();
            };
        }
    }

    private final List<Tool> tools;
    private final Lookup lookup;
    private final Duration timeLimit;

    /**
     * @param tools     what to time, in the order of the first repetition; ratios are relative to the
     *                  one named {@value #FACTORLAB} (NaN without it)
     * @param lookup    how executables are found
     * @param timeLimit the longest one run may take
     */
    public ExternalTools(List<Tool> tools, Lookup lookup, Duration timeLimit) {
        this.tools = List.copyOf(tools);
        this.lookup = lookup;
        this.timeLimit = timeLimit;
    }

    /**
     * Times factorlab and every known external tool on {@code input}.
     *
     * @param input       numbers, one per line
     * @param projectRoot the directory with the {@code factorlab} launcher and {@code bench/}
     * @param workers     workers for factorlab and GNU parallel (the available processors, usually)
     * @param repetitions measured runs of each tool, at least 1
     * @param progress    told what runs next, one short line at a time
     */
    public static List<ExternalMeasurement> compare(Path input, Path projectRoot, int workers, int repetitions,
                                                    Consumer<String> progress) throws IOException, InterruptedException {
        long bytes = Files.size(input);
        return new ExternalTools(defaultTools(projectRoot, workers, bytes), Lookup.systemPath(), DEFAULT_TIME_LIMIT)
                .run(input, repetitions, progress);
    }

    /**
     * The tools {@link #compare} times, in this order: factorlab, GNU factor, GNU parallel with GNU
     * factor, PARI/GP, and the seed's two Python programs.
     *
     * @param inputBytes the input's size, to cut it into enough blocks for every parallel job
     */
    public static List<Tool> defaultTools(Path projectRoot, int workers, long inputBytes) {
        Path root = projectRoot.toAbsolutePath().normalize();
        List<String> factorlab = new ArrayList<>(List.of(root.resolve("factorlab").toString(), "factor"));
        if (workers > 1) {
            factorlab.addAll(List.of("--model", "threads", "-j", Integer.toString(workers)));
        }
        // parallel's default block (1 MB) would leave a seed-sized input in one block, on one core
        long block = Math.max(4096, Math.min(1 << 20, (inputBytes + 4L * workers - 1) / (4L * workers)));
        String seedBaseline = root.resolve("bench/python/seed_baseline.py").toString();
        return List.of(
                new Tool(FACTORLAB, factorlab, false),
                new Tool("gnu-factor", List.of("factor"), false),
                new Tool("gnu-parallel", List.of("parallel", "--pipe", "-k", "-j" + workers, "--block", Long.toString(block),
                        "factor"), false),
                new Tool("pari-gp", List.of("gp", "-q", "-D", "parisizemax=1000000000",
                        root.resolve("bench/gp/factor.gp").toString()), false),
                new Tool("python-sequential", List.of("python3", seedBaseline, "sequential", "/dev/stdin"), true),
                new Tool("python-10-processes", List.of("python3", seedBaseline, "processes", "/dev/stdin"), true));
    }

    /**
     * Warms up and times every tool on {@code input}.
     *
     * @return one measurement per tool, in the order of {@code tools}
     * @throws InterruptedException if interrupted (the running tool is killed first)
     */
    public List<ExternalMeasurement> run(Path input, int repetitions, Consumer<String> progress)
            throws IOException, InterruptedException {
        if (repetitions < 1) {
            throw new IllegalArgumentException("at least one repetition: " + repetitions);
        }
        String seedSkip = seedSized(input);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Tool> runnable = new ArrayList<>();
        for (Tool tool : tools) {
            Optional<String> missing = missingFile(tool);
            if (missing.isPresent()) {
                outcomes.put(tool.name(), Outcome.skipped(missing.get()));
            } else if (tool.seedSized() && seedSkip != null) {
                outcomes.put(tool.name(), Outcome.skipped(seedSkip));
            } else {
                outcomes.put(tool.name(), new Outcome());
                runnable.add(tool);
            }
        }
        for (Tool tool : runnable) {
            progress.accept("external: " + tool.name() + ": warm-up");
            outcomes.get(tool.name()).record(once(tool, input), false);
        }
        for (int r = 0; r < repetitions; r++) {
            for (Tool tool : rotation(runnable, r)) {
                Outcome outcome = outcomes.get(tool.name());
                if (outcome.failure == null) {
                    progress.accept("external: " + tool.name() + ": run " + (r + 1) + "/" + repetitions);
                    outcome.record(once(tool, input), true);
                }
            }
        }
        return measurements(input, outcomes);
    }

    /**
     * {@code items} rotated left by {@code repetition} places: repetition 0 keeps the order, 1 starts
     * with the second item, and so on, so that over {@code items.size()} repetitions every item runs in
     * every position once.
     */
    static <T> List<T> rotation(List<T> items, int repetition) {
        int n = items.size();
        if (n == 0) {
            return List.of();
        }
        int shift = Math.floorMod(repetition, n);
        List<T> out = new ArrayList<>(items.subList(shift, n));
        out.addAll(items.subList(0, shift));
        return out;
    }

    /**
     * Why the Python seed programs should not run on {@code input}, or null if they should: more than
     * {@value #SEED_MAX_LINES} lines, or numbers so large that trial division would take far longer
     * than on the seed workload.
     */
    static String seedSized(Path input) throws IOException {
        long lines = 0;
        BigInteger max = BigInteger.ZERO;
        int maxDigits = 1;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.US_ASCII)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (++lines > SEED_MAX_LINES) {
                    return "input has more than " + String.format("%,d", SEED_MAX_LINES)
                            + " lines; the seed's trial division is for the seed workload";
                }
                if (s.length() >= maxDigits) { // only the longest lines can hold the largest number
                    try {
                        max = max.max(new BigInteger(s));
                    } catch (NumberFormatException e) {
                        return "input line " + lines + " is not an integer: '" + s + "'";
                    }
                    maxDigits = Math.max(maxDigits, s.length());
                }
            }
        }
        double work = lines * Math.sqrt(max.doubleValue());
        if (work > SEED_MAX_WORK) {
            return "numbers up to " + max.bitLength() + " bits: the seed's trial division would take too long";
        }
        return null;
    }

    private Optional<String> missingFile(Tool tool) {
        if (lookup.find(tool.command().get(0)).isEmpty()) {
            return Optional.of("not installed");
        }
        for (String arg : tool.command().subList(1, tool.command().size())) {
            // the scripts shipped in bench/: say plainly when the project root was wrong
            if (arg.startsWith("/") && (arg.endsWith(".py") || arg.endsWith(".gp")) && !Files.isRegularFile(Path.of(arg))) {
                return Optional.of("script not found: " + arg);
            }
        }
        return Optional.empty();
    }

    /** One finished run: its wall time, or why it failed. */
    private record Run(double seconds, String failure) {
    }

    /** What happened to one tool so far. */
    private static final class Outcome {
        final List<Double> seconds = new ArrayList<>();
        String skipped;
        String failure;

        static Outcome skipped(String reason) {
            Outcome o = new Outcome();
            o.skipped = reason;
            return o;
        }

        void record(Run run, boolean measured) {
            if (run.failure() != null) {
                failure = run.failure();
            } else if (measured) {
                seconds.add(run.seconds());
            }
        }
    }

    private Run once(Tool tool, Path input) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("factorlab-external-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(tool.command())
                    .redirectInput(input.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                if (!p.waitFor(timeLimit.toNanos(), TimeUnit.NANOSECONDS)) {
                    return new Run(Double.NaN, "timed out after " + timeLimit.toSeconds() + " s");
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (p.exitValue() != 0) {
                    return new Run(Double.NaN, "exit status " + p.exitValue() + firstLine(errors));
                }
                return new Run(seconds, null);
            } finally {
                if (p.isAlive()) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String firstLine(Path errors) throws IOException {
        // an InputStreamReader replaces malformed bytes instead of throwing
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(errors), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            return line == null || line.isBlank() ? "" : ": " + line.strip();
        }
    }

    private List<ExternalMeasurement> measurements(Path input, Map<String, Outcome> outcomes) {
        Outcome reference = outcomes.get(FACTORLAB);
        double factorlabMedian = reference == null || reference.failure != null || reference.seconds.isEmpty()
                ? Double.NaN
                : Summary.of(toArray(reference.seconds)).median();
        List<ExternalMeasurement> out = new ArrayList<>();
        for (Tool tool : tools) {
            Outcome o = outcomes.get(tool.name());
            String command = commandLine(tool, input);
            if (o.skipped != null) {
                out.add(new ExternalMeasurement(tool.name(), command, "skipped", o.skipped, List.of(), null, Double.NaN));
            } else if (o.failure != null) {
                out.add(new ExternalMeasurement(tool.name(), command, "failed", o.failure, o.seconds, null, Double.NaN));
            } else {
                Summary wall = Summary.of(toArray(o.seconds));
                out.add(new ExternalMeasurement(tool.name(), command, "ok", "", o.seconds, wall,
                        wall.median() / factorlabMedian));
            }
        }
        return out;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The command as a shell would take it, standard input and output included. */
    static String commandLine(Tool tool, Path input) {
        List<String> words = new ArrayList<>();
        for (String w : tool.command()) {
            words.add(quoted(w));
        }
        return String.join(" ", words) + " < " + quoted(input.toString()) + " > /dev/null";
    }

    private static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./=:,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
