package org.factorlab.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link BenchReport} as GitHub Markdown tables, to paste into the docs ({@code factorlab bench --markdown}).
 *
 * <p>The first table has one row per measurement: workload, model, workers, the median, min and max wall
 * time, the median absolute deviation (±), speed-up against sequential, parallel efficiency, and the
 * median CPU time (child processes included), median GC time and largest peak heap of this JVM. When the
 * report holds external tools, a second table follows with each tool's median, min, max, its ratio to
 * factorlab (its median over factorlab's: above 1, factorlab is faster) and its status.
 *
 * <p>Times read like {@code 0.123 s}: three decimals, more below 0.1 s so that three significant digits
 * show ({@code 0.0123 s}). Speed-ups read {@code 1.62x}, efficiencies {@code 81%}, ratios {@code 1.18};
 * an unknown value (NaN, no summary) is a dash. A {@code |} in a name is escaped. Stateless and thread-safe.
 */
public final class BenchMarkdown {
    private static final String NONE = "—";

    private BenchMarkdown() {
    }

    /** The measurements table, then (if any) the external tools table, separated by a blank line. */
    public static String table(BenchReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : report.measurements()) {
            Summary w = m.wall();
            rows.add(List.of(cell(m.workload()), cell(m.model()), Integer.toString(m.workers()),
                    w == null ? NONE : seconds(w.median()), w == null ? NONE : seconds(w.min()),
                    w == null ? NONE : seconds(w.max()), w == null ? NONE : seconds(w.mad()),
                    speedup(m.speedup()), percent(m.efficiency()),
                    seconds(medianKnown(m.samples(), Sample::cpuNanos)), seconds(medianKnown(m.samples(), Sample::gcNanos)),
                    mebibytes(m.samples().stream().mapToLong(Sample::peakHeapBytes).max().orElse(-1))));
        }
        StringBuilder out = new StringBuilder();
        table(out, List.of("workload", "model", "workers", "median", "min", "max", "± (MAD)", "speed-up", "efficiency",
                        "CPU", "GC", "peak heap"),
                List.of(false, false, true, true, true, true, true, true, true, true, true, true), rows);
        if (!report.external().isEmpty()) {
            List<List<String>> tools = new ArrayList<>();
            for (ExternalMeasurement e : report.external()) {
                Summary w = e.wall();
                String status = e.reason() == null || e.reason().isEmpty() ? e.status() : e.status() + ": " + e.reason();
                tools.add(List.of(cell(e.tool()), w == null ? NONE : seconds(w.median()),
                        w == null ? NONE : seconds(w.min()), w == null ? NONE : seconds(w.max()),
                        Double.isFinite(e.ratio()) ? String.format(Locale.ROOT, "%.2f", e.ratio()) : NONE, cell(status)));
            }
            out.append('\n');
            table(out, List.of("tool", "median", "min", "max", "ratio to factorlab", "status"),
                    List.of(false, true, true, true, true, false), tools);
        }
        return out.toString();
    }

    /**
     * {@code seconds} for a person: {@code 0.123 s}; below 0.1 s with as many decimals as three significant
     * digits need (at most nine: nanoseconds); a dash for NaN.
     */
    static String seconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            return NONE;
        }
        double magnitude = Math.abs(seconds);
        int decimals = 3;
        if (magnitude > 0 && magnitude < 0.1) {
            // the first significant digit is at decimal place -floor(log10(magnitude)); two more after it
            decimals = Math.min(9, 2 - (int) Math.floor(Math.log10(magnitude)));
        }
        return String.format(Locale.ROOT, "%." + decimals + "f s", seconds);
    }

    /** The median, in seconds, of a nanosecond quantity over the samples that know it (-1 means unknown). */
    static double medianKnown(List<Sample> samples, java.util.function.ToLongFunction<Sample> nanos) {
        double[] known = samples.stream().mapToLong(nanos).filter(v -> v >= 0).mapToDouble(v -> v / 1e9).toArray();
        return known.length == 0 ? Double.NaN : Summary.of(known).median();
    }

    /** Bytes as whole mebibytes, e.g. {@code 70 MiB}; negative means unknown. */
    static String mebibytes(long bytes) {
        return bytes < 0 ? NONE : String.format(Locale.ROOT, "%d MiB", (bytes + (1 << 19)) >> 20);
    }

    static String speedup(double speedup) {
        return Double.isFinite(speedup) ? String.format(Locale.ROOT, "%.2fx", speedup) : NONE;
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f%%", fraction * 100) : NONE;
    }

    private static void table(StringBuilder out, List<String> header, List<Boolean> rightAligned,
                              List<List<String>> rows) {
        row(out, header);
        List<String> separator = new ArrayList<>();
        for (boolean right : rightAligned) {
            separator.add(right ? "---:" : "---");
        }
        row(out, separator);
        for (List<String> r : rows) {
            row(out, r);
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** Text safe inside a table cell: pipes escaped, line breaks as spaces. */
    private static String cell(String text) {
        if (text == null) {
            return NONE;
        }
        return text.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
