package org.factorlab.engine.bench;

import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelRegistry;
import org.factorlab.engine.run.Pipeline;
import org.factorlab.engine.run.Progress;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.work.JobSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every configuration of a benchmark — each workload under each model with each worker count —
 * with warm-up runs and measured repetitions, and collects the {@link Measurement}s.
 *
 * <p><b>How a configuration is measured.</b> The model is created once, so its threads or child JVMs
 * are started before the first run and reused; the warm-up runs (not measured) let the JIT compile the
 * hot code in this JVM and in child JVMs. The first warm-up run verifies every result (product equals
 * the number, every factor prime); the measured runs write nothing and check nothing, so they time
 * only the factoring and the model. {@code sequential} runs with one worker only; it is the baseline
 * of every speed-up.
 *
 * <p>A time budget, when set, cuts repetitions short (each configuration still gets one), so a run
 * stays within what the user allowed.
 *
 * @param workloads   what to run
 * @param models      model names, in order; {@code sequential} is measured first whether listed or not
 * @param workers     worker counts to try for every model but {@code sequential}
 * @param warmups     unmeasured runs per configuration (at least 1, the verifying run)
 * @param repetitions measured runs per configuration
 * @param budgetNanos stop adding repetitions once this much time has passed; 0 for no budget
 */
public record BenchRunner(List<BenchWorkload> workloads, List<String> models, List<Integer> workers, int warmups,
                          int repetitions, long budgetNanos) {

    public BenchRunner {
        workloads = List.copyOf(workloads);
        models = List.copyOf(models);
        workers = List.copyOf(new LinkedHashSet<>(workers));
        if (warmups < 1 || repetitions < 1) {
            throw new IllegalArgumentException("at least one warm-up and one repetition");
        }
    }

    /** The worker counts of the issue: 1, 2, the core count and the seed's 10 (without repeats). */
    public static List<Integer> defaultWorkers() {
        Set<Integer> w = new LinkedHashSet<>(List.of(1, 2, Runtime.getRuntime().availableProcessors(), 10));
        return List.copyOf(w);
    }

    /**
     * Runs everything.
     *
     * @param progress told, before each run, what is running (for a progress line); may ignore it
     */
    public List<Measurement> run(Consumer<String> progress) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Measurement> out = new ArrayList<>();
        List<String> order = new ArrayList<>();
        order.add("sequential");
        models.stream().filter(m -> !m.equals("sequential")).forEach(order::add);
        for (BenchWorkload workload : workloads) {
            double sequentialMedian = Double.NaN;
            for (String model : order) {
                for (int n : model.equals("sequential") ? List.of(1) : workers) {
                    Measurement m = measure(workload, model, n, sequentialMedian, t0, progress);
                    if (model.equals("sequential")) {
                        sequentialMedian = m.wall().median();
                        m = withSpeedup(m, sequentialMedian);
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }

    private Measurement measure(BenchWorkload workload, String model, int n, double sequentialMedian, long t0,
                                Consumer<String> progress) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> details = Map.of();
        try (ExecutionModel m = ModelRegistry.create(model, ModelOptions.workers(n))) {
            boolean verified = true;
            for (int i = 0; i < warmups; i++) {
                progress.accept(String.format("%s: %s, %d workers: warm-up %d/%d", workload.name(), model, n, i + 1, warmups));
                RunStats stats = once(m, workload, i == 0);
                verified &= i > 0 || stats.failed() == 0;
            }
            for (int i = 0; i < repetitions; i++) {
                if (i > 0 && budgetNanos > 0 && System.nanoTime() - t0 > budgetNanos) {
                    break;
                }
                progress.accept(String.format("%s: %s, %d workers: run %d/%d", workload.name(), model, n, i + 1, repetitions));
                long gc0 = gcNanos();
                resetPeaks();
                RunStats stats = once(m, workload, false);
                samples.add(new Sample(stats.wallNanos(), stats.cpuNanos(), gc0 < 0 ? -1 : gcNanos() - gc0, peakHeap(),
                        stats.count(), verified));
                details = stats.details();
            }
        }
        double[] seconds = samples.stream().mapToDouble(Sample::wallSeconds).toArray();
        Summary wall = Summary.of(seconds);
        double speedup = sequentialMedian / wall.median();
        return new Measurement(workload.name(), model, n, samples, wall, speedup, speedup / n, details);
    }

    private static Measurement withSpeedup(Measurement m, double sequentialMedian) {
        double speedup = sequentialMedian / m.wall().median();
        return new Measurement(m.workload(), m.model(), m.workers(), m.samples(), m.wall(), speedup,
                speedup / m.workers(), m.details());
    }

    private static RunStats once(ExecutionModel model, BenchWorkload workload, boolean verify)
            throws IOException, InterruptedException {
        JobSpec job = new JobSpec(workload.algorithm(), null, verify);
        int chunk = (int) Math.max(1, Math.min(1000, workload.numbers().count() / (4L * model.workers())));
        RandomChunks input = new RandomChunks(workload.numbers(), chunk);
        Pipeline pipeline = new Pipeline(Pipeline.defaultWindow(model.workers()), true, Progress.NONE);
        return pipeline.run(model, job, input, new ByteOutput(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    /** Total collection time of this JVM so far, or -1 if a collector cannot tell. */
    private static long gcNanos() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime();
            if (t < 0) {
                return -1;
            }
            total += t;
        }
        return total * 1_000_000;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset. */
    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
