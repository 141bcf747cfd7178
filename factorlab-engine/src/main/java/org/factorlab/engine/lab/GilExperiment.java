package org.factorlab.engine.lab;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelRegistry;
import org.factorlab.engine.run.ChunkSupplier;
import org.factorlab.engine.run.Pipeline;
import org.factorlab.engine.run.Progress;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.work.JobSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code lab gil}: the same CPU-bound job (trial division of random numbers) run by 1, 2, 4, 8
 * threads under three models — free Java threads ({@code threads}), threads that must hold one global
 * lock to compute ({@code gil}, CPython's model) and a pool of child JVMs ({@code processes}) — to show
 * where the GIL flattens throughput and where Java scales, up to the core count.
 *
 * <p>Each configuration gets a fresh model, one unmeasured warm-up run (a quarter of the numbers: it
 * compiles the hot code, in child JVMs too) and one measured run. The conclusions are computed by
 * {@link #conclude} from the measured points only, so a test can feed it made-up numbers.
 */
public final class GilExperiment {
    /** The models compared, in table order. */
    public static final List<String> MODELS = List.of("threads", "gil", "processes");
    /** Below this speed-up a model is said not to scale (timing noise on a busy machine stays under it). */
    static final double SCALES = 1.3;

    /**
     * One measured run.
     *
     * @param model     {@code threads}, {@code gil} or {@code processes}
     * @param threads   workers used
     * @param count     numbers factored
     * @param wallNanos wall-clock time of the run
     */
    public record Point(String model, int threads, long count, long wallNanos) {
        public double rate() {
            return wallNanos <= 0 ? 0 : count * 1e9 / wallNanos;
        }
    }

    private GilExperiment() {
    }

    /**
     * Runs every model with every thread count and returns the result.
     *
     * @param threads thread counts, each at least 1
     * @param count   numbers to factor per run
     */
    public static LabResult run(List<Integer> threads, long count) throws IOException, InterruptedException {
        List<Integer> counts = List.copyOf(new TreeSet<>(threads));
        if (counts.isEmpty() || counts.getFirst() < 1 || count < 1) {
            throw new IllegalArgumentException("need thread counts of at least 1 and a positive count");
        }
        RandomWorkload numbers = new RandomWorkload(2, count, 20_000, 100_000_000);
        RandomWorkload warmup = new RandomWorkload(3, Math.max(1, count / 4), 20_000, 100_000_000);
        List<Point> points = new ArrayList<>();
        for (String model : MODELS) {
            for (int n : counts) {
                try (ExecutionModel m = ModelRegistry.create(model, ModelOptions.workers(n))) {
                    runQuietly(m, warmup);
                    RunStats stats = runQuietly(m, numbers);
                    points.add(new Point(model, n, stats.count(), stats.wallNanos()));
                }
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return result(points, count, cores);
    }

    static LabResult result(List<Point> points, long count, int cores) {
        String description = String.format(Locale.ROOT, "Factors the same %,d random numbers in [20000, 10^8] by trial"
                + " division (pure CPU work, no I/O) with each thread count under three models: free Java threads,"
                + " threads that must hold a global interpreter lock to compute (the gil model, CPython's rule) and"
                + " child JVMs fed over pipes (processes). Each configuration gets a warm-up run, then one measured"
                + " run; speed-up is against the fewest threads of the same model. This machine has %d cores.",
                count, cores);
        List<String> columns = new ArrayList<>(List.of("threads"));
        for (String model : MODELS) {
            columns.add(model + " numbers/s");
            columns.add("speed-up");
        }
        List<List<String>> rows = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (int n : threadCounts(points)) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(n)));
            for (String model : MODELS) {
                Optional<Point> p = find(points, model, n);
                row.add(p.map(x -> String.format(Locale.ROOT, "%,.0f", x.rate())).orElse("-"));
                row.add(p.map(x -> String.format(Locale.ROOT, "%.2fx", speedup(points, x))).orElse("-"));
                p.ifPresent(x -> data.add(point(points, x)));
            }
            rows.add(row);
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("count", count);
        raw.put("cores", cores);
        raw.put("points", data);
        LabTable table = new LabTable("Throughput (numbers factored per second of wall time)", columns, rows);
        return new LabResult("gil", description, List.of(table), conclude(points, cores), raw);
    }

    private static Map<String, Object> point(List<Point> points, Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", p.model());
        m.put("threads", p.threads());
        m.put("count", p.count());
        m.put("wall_nanos", p.wallNanos());
        m.put("numbers_per_s", p.rate());
        m.put("speedup", speedup(points, p));
        return m;
    }

    /**
     * The conclusions, from the measurements alone: how each model scaled at the first thread count
     * above one, and where free threads stopped scaling compared with the core count.
     */
    public static List<String> conclude(List<Point> points, int cores) {
        List<String> out = new ArrayList<>();
        List<Integer> counts = threadCounts(points);
        if (counts.size() < 2) {
            out.add("only one thread count was measured, so nothing can be said about scaling");
            return out;
        }
        int base = counts.getFirst();
        int next = counts.get(1);
        double free = speedupAt(points, "threads", next);
        double gil = speedupAt(points, "gil", next);
        double proc = speedupAt(points, "processes", next);
        String verdict;
        if (free >= SCALES && gil < SCALES) {
            verdict = "the GIL flattens CPU-bound threads, Java threads do not have one";
        } else if (free >= SCALES) {
            verdict = "the GIL did not flatten them this time";
        } else if (gil >= SCALES) {
            verdict = "GIL threads scaled and free threads did not: the machine was busy, rerun it";
        } else {
            verdict = "neither scaled, so the run had less than two free cores (other load on the machine?)";
        }
        out.add(String.format(Locale.ROOT, "With %d threads, free threads ran %.1fx the %d-thread rate, GIL threads"
                + " %.1fx: %s; processes reached %.1fx.", next, free, base, gil, verdict, proc));

        int stop = scalingStop(points, "threads", counts);
        double best = points.stream().filter(p -> p.model().equals("threads")).mapToDouble(Point::rate).max().orElse(0);
        if (stop == counts.getLast()) {
            out.add(String.format(Locale.ROOT, "Free threads kept scaling up to %d threads (%,.0f numbers/s at best)"
                    + " on %d cores.", stop, best, cores));
        } else {
            out.add(String.format(Locale.ROOT, "Free threads stopped scaling at %d thread%s (%,.0f numbers/s at best)"
                    + " on %d cores: %s.", stop, stop == 1 ? "" : "s", best, cores, stop >= cores
                            ? "threads beyond the core count only take turns on the same cores"
                            : "short of the core count, so something else was using the cores"));
        }
        double procBest = points.stream().filter(p -> p.model().equals("processes")).mapToDouble(Point::rate)
                .max().orElse(0);
        if (best > 0 && procBest > 0) {
            out.add(String.format(Locale.ROOT, "At their best, processes reached %.0f%% of the free threads' rate%s",
                    100 * procBest / best, procBest < best
                            ? ": copying numbers and results through pipes is the price of isolation."
                            : ": isolation cost nothing measurable here."));
        }
        return out;
    }

    /** The thread count after which the rate of {@code model} no longer rises by 10% or more. */
    private static int scalingStop(List<Point> points, String model, List<Integer> counts) {
        int stop = counts.getFirst();
        double rate = find(points, model, stop).map(Point::rate).orElse(0.0);
        for (int n : counts.subList(1, counts.size())) {
            double r = find(points, model, n).map(Point::rate).orElse(0.0);
            if (r < rate * 1.1) {
                break;
            }
            stop = n;
            rate = r;
        }
        return stop;
    }

    private static double speedupAt(List<Point> points, String model, int threads) {
        return find(points, model, threads).map(p -> speedup(points, p)).orElse(Double.NaN);
    }

    /** The rate of {@code p} over the rate of the same model with the fewest threads. */
    private static double speedup(List<Point> points, Point p) {
        double base = points.stream().filter(x -> x.model().equals(p.model()))
                .min((a, b) -> Integer.compare(a.threads(), b.threads())).map(Point::rate).orElse(0.0);
        return base == 0 ? Double.NaN : p.rate() / base;
    }

    private static Optional<Point> find(List<Point> points, String model, int threads) {
        return points.stream().filter(p -> p.model().equals(model) && p.threads() == threads).findFirst();
    }

    private static List<Integer> threadCounts(List<Point> points) {
        return List.copyOf(new TreeSet<>(points.stream().map(Point::threads).toList()));
    }

    private static RunStats runQuietly(ExecutionModel model, RandomWorkload numbers)
            throws IOException, InterruptedException {
        int chunk = (int) Math.max(1, Math.min(1000, numbers.count() / (4L * model.workers())));
        return runOnce(model, new JobSpec(Algorithm.TRIAL, null, false), new RandomChunks(numbers, chunk),
                OutputStream.nullOutputStream());
    }

    /** Runs one job through an ordered pipeline, results to {@code out}, diagnostics discarded. */
    static RunStats runOnce(ExecutionModel model, JobSpec job, ChunkSupplier input, OutputStream out)
            throws IOException, InterruptedException {
        Pipeline pipeline = new Pipeline(Pipeline.defaultWindow(model.workers()), true, Progress.NONE);
        ByteOutput bytes = new ByteOutput(out);
        RunStats stats = pipeline.run(model, job, input, bytes, new PrintStream(OutputStream.nullOutputStream()));
        bytes.flush();
        return stats;
    }
}
