package org.factorlab.cli;

import org.factorlab.engine.bench.BaselineComparison;
import org.factorlab.engine.bench.BenchCsv;
import org.factorlab.engine.bench.BenchHtml;
import org.factorlab.engine.bench.BenchJson;
import org.factorlab.engine.bench.BenchMarkdown;
import org.factorlab.engine.bench.BenchReport;
import org.factorlab.engine.bench.BenchRunner;
import org.factorlab.engine.bench.BenchWorkload;
import org.factorlab.engine.bench.ExternalMeasurement;
import org.factorlab.engine.bench.ExternalTools;
import org.factorlab.engine.bench.MachineProbe;
import org.factorlab.engine.bench.Measurement;
import org.factorlab.engine.model.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code factorlab bench}: every model side by side, with statistics, exports and a report.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Time workloads under every execution model and several worker counts: warm-up runs,",
            "then repetitions; median, min, max, MAD and a 95% interval; speed-up and parallel",
            "efficiency against sequential. Every configuration's results are verified once.",
            "Prints a Markdown table; exports JSON (every sample), CSV, Markdown and a self-contained",
            "HTML report with charts. By default it finishes within about 5 minutes on 2 cores.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab bench --export-html report.html          everything, with charts",
            "  factorlab bench --quick                            about a minute",
            "  factorlab bench --workloads cpu --models threads,forkjoin --workers 1,2,4",
            "  factorlab bench --export-json now.json --baseline before.json",
            "  factorlab bench --compare-external --workloads seed",
            "",
            "Exit status: 0 ok, 1 a result failed verification, 2 bad usage, 130 interrupted."
        })
final class BenchCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--workloads", split = ",", paramLabel = "W",
            description = "seed (10,000 numbers, the seed's experiment), cpu (about 2 s sequentially); default both.")
    List<String> workloads = new ArrayList<>(List.of("seed", "cpu"));

    @Option(names = "--models", split = ",", paramLabel = "M", description = "Models to run (default: all: "
            + ModelMixin.MODELS + ").")
    List<String> models;

    @Option(names = "--workers", split = ",", paramLabel = "N",
            description = "Worker counts (default: 1, 2, the core count and 10, the seed's).")
    List<Integer> workers;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3", description = "Measured runs per configuration (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "1", description = "Unmeasured runs first; the first verifies every result (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--cpu-count", paramLabel = "N", defaultValue = "350000", description = "Numbers in the cpu workload (default: ${DEFAULT-VALUE}, about 2 s sequentially).")
    long cpuCount;

    @Option(names = "--time-budget", paramLabel = "SECONDS", defaultValue = "240",
            description = "Stop adding repetitions after this long; every configuration still runs once (default: ${DEFAULT-VALUE}).")
    double timeBudget;

    @Option(names = "--quick", description = "About a minute: a smaller cpu workload, 2 repetitions, workers 1 and the core count.")
    boolean quick;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Compare with an earlier --export-json and show each change with its spread.")
    Path baseline;

    @Option(names = "--export-json", paramLabel = "FILE", description = "Every raw sample and the summaries, as JSON.")
    Path exportJson;

    @Option(names = "--export-csv", paramLabel = "FILE", description = "One row per sample, as CSV.")
    Path exportCsv;

    @Option(names = "--export-markdown", paramLabel = "FILE", description = "The results table, as Markdown.")
    Path exportMarkdown;

    @Option(names = "--export-html", paramLabel = "FILE", description = "A self-contained HTML report with SVG charts (works offline).")
    Path exportHtml;

    @Option(names = "--compare-external", description = "Also time GNU factor, GNU parallel + factor, PARI/GP and the Python seed"
            + " programs (whichever are installed) against './factorlab factor' on the same input, as whole processes.")
    boolean compareExternal;

    @Option(names = "--external-input", paramLabel = "FILE", description = "Input for --compare-external (default: the seed workload's 10,000 numbers).")
    Path externalInput;

    @Option(names = "--external-repetitions", paramLabel = "N", defaultValue = "3", description = "Runs of each external tool (default: ${DEFAULT-VALUE}).")
    int externalRepetitions;

    BenchCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        List<BenchWorkload> chosen = workloads();
        List<String> modelNames = modelNames();
        List<Integer> workerCounts = workerCounts();
        if (repetitions < 1 || warmups < 1 || !(timeBudget > 0) || externalRepetitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--repetitions, --warmups, --external-repetitions and --time-budget must be positive");
        }
        BaselineOrNull before = readBaseline();
        Path root = projectRoot();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Consumer<String> progress = progressLine();
        BenchRunner runner = new BenchRunner(chosen, modelNames, workerCounts, warmups,
                quick ? Math.min(repetitions, 2) : repetitions, (long) (timeBudget * 1e9));
        List<Measurement> measurements;
        List<ExternalMeasurement> external = List.of();
        try {
            measurements = runner.run(progress);
            if (compareExternal) {
                external = external(root, progress);
            }
        } catch (InterruptedException e) {
            streams.err().println("factorlab: interrupted");
            return ExitStatus.CANCELLED;
        } finally {
            progress.accept(null);
        }
        BenchReport report = new BenchReport(BenchReport.VERSION, commandLine(), started, MachineProbe.probe(root),
                measurements, external);
        streams.out().write(BenchMarkdown.table(report).getBytes(StandardCharsets.UTF_8));
        streams.out().flush();
        export(report);
        if (before.report() != null) {
            streams.err().println();
            streams.err().print(BaselineComparison.table(BaselineComparison.compare(report, before.report())));
        }
        boolean allVerified = measurements.stream().allMatch(m -> m.samples().stream().allMatch(s -> s.verified()));
        if (!allVerified) {
            streams.err().println("factorlab: some results failed verification (see the table)");
        }
        return allVerified ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    private record BaselineOrNull(BenchReport report) {
    }

    private BaselineOrNull readBaseline() {
        if (baseline == null) {
            return new BaselineOrNull(null);
        }
        try {
            return new BaselineOrNull(BenchJson.read(Files.readString(baseline)));
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--baseline " + baseline + ": " + e.getMessage());
        }
    }

    private List<BenchWorkload> workloads() {
        List<BenchWorkload> out = new ArrayList<>();
        for (String w : workloads) {
            switch (w) {
                case "seed" -> out.add(BenchWorkload.seed());
                case "cpu" -> out.add(BenchWorkload.cpu(quick ? Math.min(cpuCount, 60_000) : cpuCount));
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--workloads: '" + w + "' is not a workload (seed, cpu)");
            }
        }
        if (cpuCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cpu-count must be positive");
        }
        return out;
    }

    private List<String> modelNames() {
        List<String> known = ModelRegistry.names();
        if (models == null) {
            return known;
        }
        for (String m : models) {
            if (!known.contains(m)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--models: '" + m + "' is not a model (" + String.join(", ", known) + ")");
            }
        }
        return models;
    }

    private List<Integer> workerCounts() {
        List<Integer> w = workers != null ? workers
                : quick ? List.of(1, Runtime.getRuntime().availableProcessors()) : BenchRunner.defaultWorkers();
        if (w.stream().anyMatch(n -> n < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--workers must all be at least 1: " + w);
        }
        return w;
    }

    private List<ExternalMeasurement> external(Path root, Consumer<String> progress) throws IOException, InterruptedException {
        Path input = externalInput;
        Path generated = null;
        if (input == null) {
            generated = Files.createTempFile("factorlab-bench-", ".txt");
            BenchWorkload seed = BenchWorkload.seed();
            StringBuilder sb = new StringBuilder();
            for (long i = 0; i < seed.numbers().count(); i++) {
                sb.append(Long.toUnsignedString(seed.numbers().number(i))).append('\n');
            }
            Files.writeString(generated, sb, StandardCharsets.US_ASCII);
            input = generated;
        }
        try {
            return ExternalTools.compare(input, root, Runtime.getRuntime().availableProcessors(), externalRepetitions,
                    progress);
        } finally {
            if (generated != null) {
                Files.deleteIfExists(generated);
            }
        }
    }

    private void export(BenchReport report) throws IOException {
        if (exportJson != null) {
            Files.writeString(exportJson, BenchJson.write(report));
        }
        if (exportCsv != null) {
            Files.writeString(exportCsv, BenchCsv.write(report));
        }
        if (exportMarkdown != null) {
            Files.writeString(exportMarkdown, BenchMarkdown.table(report));
        }
        if (exportHtml != null) {
            Files.writeString(exportHtml, BenchHtml.render(report));
        }
    }

    /** The exact command, for the report. */
    private String commandLine() {
        return "factorlab " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /** The repository root the launcher passes in (for the git commit and external tools' scripts). */
    private static Path projectRoot() {
        String root = System.getProperty("factorlab.root");
        return root == null ? Path.of("").toAbsolutePath() : Path.of(root);
    }

    /** A one-line progress display on a terminal; silent otherwise. {@code null} erases it. */
    private Consumer<String> progressLine() {
        boolean tty = Boolean.getBoolean("factorlab.stderr.tty") && streams.err() == System.err;
        if (!tty) {
            return s -> { };
        }
        return s -> {
            streams.err().print(s == null ? "\r\u001b[K" : "\rbench: " + s + "\u001b[K");
            streams.err().flush();
        };
    }
}
