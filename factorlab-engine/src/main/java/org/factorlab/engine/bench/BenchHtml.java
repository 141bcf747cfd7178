package org.factorlab.engine.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.stream.DoubleStream;

/**
 * Renders a {@link BenchReport} as one self-contained HTML page ({@code bench --export-html FILE}).
 *
 * <p><b>Implementation overview.</b> The page is written in one pass into a {@link StringBuilder}:
 * a header (title, exact command, date), the machine table, then per workload three inline SVG charts
 * and a summary table, then the external comparison when there is one. Nothing is loaded from
 * elsewhere: the CSS is inline, the charts are SVG in the page, there is no script and no font, so the
 * file reads the same offline, in a mail attachment or in a CI artifact store.
 *
 * <p>Every chart is drawn on a fixed 900-pixel-wide canvas ({@code viewBox}; CSS lets it shrink on
 * narrow screens) with a plot area inside fixed margins: the legend above it, tick labels to the left
 * and below it. Values map to pixels through {@link Scale}; axes use "nice" ticks (1, 2 or 5 times a
 * power of ten) from {@link Ticks}. Labels that might collide (per-point worker counts, bar values) are
 * only drawn when their slot is wide enough; the exact values are always in the tables and in each
 * mark's {@code <title>} tooltip.
 *
 * <p>Colours carry one meaning each: a model always has the same colour from the categorical
 * {@link #MODEL_COLORS} palette (speed-up lines, external tools), while worker counts use a light-to-dark
 * blue ramp (time and throughput charts), so "darker = more workers" reads without the legend.
 *
 * <p>The markup is also well-formed XML (void elements self-closed, only the five XML entities), so
 * tests can parse it with the JDK. Elements tests look for carry stable names: chart {@code id}s
 * ({@code chart-time-<workload>}, {@code chart-speedup-<workload>}, {@code chart-throughput-<workload>},
 * {@code chart-external}), {@code <g class="series" data-series="<model or tool>">}, {@code
 * <text class="axis-label">} and the ideal speed-up line {@code class="ideal"}.
 *
 * <p>Thread safety: stateless; {@link #render} may be called from any thread.
 */
public final class BenchHtml {
    /** Categorical colours for models and tools (Okabe–Ito order, without the yellow that fades on white). */
    private static final String[] MODEL_COLORS = {
            "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c6d31", "#7f7f7f"};
    /** Whiskers in a dark neutral: the lightest worker colour would vanish against the white plot. */
    private static final String WHISKER = "#3a3a3a";
    private static final int[] RAMP_LIGHT = {0x9e, 0xca, 0xe1};
    private static final int[] RAMP_DARK = {0x08, 0x30, 0x6b};

    private static final int WIDTH = 900;
    private static final int TOP = 52;
    private static final int BOTTOM = 70;
    private static final int LEFT = 78;
    private static final int RIGHT = 28;
    private static final int PLOT_HEIGHT = 280;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;\
            max-width:940px;margin:24px auto;padding:0 16px}
            h1{font-size:24px;margin:0 0 8px}h2{font-size:20px;margin:36px 0 8px;border-bottom:2px solid #ddd}
            h3{font-size:16px;margin:20px 0 4px}
            pre{background:#f4f4f6;padding:8px 10px;white-space:pre-wrap;word-break:break-all;border-radius:4px}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
            th,td{padding:3px 10px;border-bottom:1px solid #e2e2e2;text-align:right;vertical-align:top}
            th{background:#f4f4f6}
            td.l,th.l{text-align:left}
            table.machine td,table.machine th{text-align:left}
            svg{display:block;max-width:100%;height:auto;margin:4px 0 8px}
            svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:12px;fill:#333}
            svg .axis-label{font-size:13px;font-weight:600;fill:#1d1d1f}
            svg .grid{stroke:#e6e6e6}
            svg .axis{stroke:#555}
            svg .note{fill:#777;font-style:italic}
            svg .ideal,svg .legend-ideal{stroke-dasharray:7 5}
            .muted{color:#666}
            """;

    private BenchHtml() {
    }

    /** The whole page for {@code report}. */
    public static String render(BenchReport report) {
        Palette palette = Palette.of(report);
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>factorlab bench report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(out, report);
        machine(out, report.machine());
        Set<String> usedIds = new HashSet<>();
        workloads(report).forEach((workload, rows) -> workload(out, uniqueId(workload, usedIds), workload, rows, palette));
        if (!report.external().isEmpty()) {
            external(out, report.external(), palette);
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- page sections

    private static void header(StringBuilder out, BenchReport report) {
        out.append("<h1>factorlab bench report</h1>\n");
        out.append("<p class=\"muted\">Started ").append(esc(report.started()))
                .append(" · report version ").append(report.version()).append("</p>\n");
        out.append("<h3>Command</h3>\n<pre><code id=\"command\">").append(esc(report.command())).append("</code></pre>\n");
    }

    private static void machine(StringBuilder out, MachineInfo m) {
        out.append("<h2>Machine</h2>\n<table class=\"machine\" id=\"machine\">\n");
        row(out, "CPU model", m.cpuModel());
        row(out, "Cores", Integer.toString(m.cores()));
        row(out, "Memory", m.memoryBytes() < 0 ? "unknown"
                : String.format(Locale.ROOT, "%.1f GiB", m.memoryBytes() / (double) (1L << 30)));
        row(out, "JDK", m.jdk());
        row(out, "JVM flags", m.jvmFlags().isEmpty() ? "(none)" : String.join(" ", m.jvmFlags()));
        row(out, "OS", m.os());
        row(out, "Git commit", m.gitCommit());
        out.append("</table>\n");
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><th>").append(esc(name)).append("</th><td><code>").append(esc(value)).append("</code></td></tr>\n");
    }

    private static void workload(StringBuilder out, String id, String name, List<Measurement> rows, Palette palette) {
        out.append("<section id=\"workload-").append(esc(id)).append("\">\n<h2>Workload: ").append(esc(name)).append("</h2>\n");
        int decimals = decimalsFor(rows.stream().mapToDouble(m -> m.wall().median()));
        out.append("<h3>Time per model</h3>\n");
        timeChart(out, id, rows, palette, decimals);
        out.append("<h3>Speed-up against workers</h3>\n");
        speedupChart(out, id, rows, palette);
        out.append("<h3>Throughput</h3>\n");
        throughputChart(out, id, rows, palette);
        out.append("<h3>Summary</h3>\n");
        summaryTable(out, id, rows, decimals);
        out.append("</section>\n");
    }

    private static void summaryTable(StringBuilder out, String id, List<Measurement> rows, int d) {
        out.append("<table class=\"summary\" id=\"summary-").append(esc(id)).append("\">\n<tr><th class=\"l\">model</th>")
                .append("<th>workers</th><th>n</th><th>median (s)</th><th>min (s)</th><th>max (s)</th><th>MAD (s)</th>")
                .append("<th>speed-up</th><th>efficiency</th><th>numbers/s</th><th>verified</th></tr>\n");
        for (Measurement m : rows) {
            Summary w = m.wall();
            boolean verified = !m.samples().isEmpty() && m.samples().stream().allMatch(Sample::verified);
            out.append("<tr><td class=\"l\">").append(esc(m.model())).append("</td>");
            cells(out, Integer.toString(m.workers()), Integer.toString(w.n()), fixed(w.median(), d), fixed(w.min(), d),
                    fixed(w.max(), d), fixed(w.mad(), d), fixed(m.speedup(), 2), fixed(m.efficiency(), 2), rate(throughput(m)),
                    verified ? "yes" : "NO");
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void cells(StringBuilder out, String... values) {
        for (String v : values) {
            out.append("<td>").append(esc(v)).append("</td>");
        }
    }

    private static void external(StringBuilder out, List<ExternalMeasurement> tools, Palette palette) {
        out.append("<section id=\"external\">\n<h2>Against other tools</h2>\n")
                .append("<p class=\"muted\">Each tool timed as a whole process on the same input; ratio = its median ÷ ")
                .append("factorlab's (above 1: factorlab is faster).</p>\n");
        int d = decimalsFor(tools.stream().filter(t -> t.wall() != null).mapToDouble(t -> t.wall().median()));
        externalChart(out, tools, palette, d);
        out.append("<table class=\"external\" id=\"external-table\">\n<tr><th class=\"l\">tool</th><th class=\"l\">status</th>")
                .append("<th>median (s)</th><th>min (s)</th><th>max (s)</th><th>ratio</th><th class=\"l\">command / reason</th></tr>\n");
        for (ExternalMeasurement t : tools) {
            Summary w = t.wall();
            out.append("<tr><td class=\"l\">").append(esc(t.tool())).append("</td><td class=\"l\">").append(esc(t.status())).append("</td>");
            cells(out, w == null ? "–" : fixed(w.median(), d), w == null ? "–" : fixed(w.min(), d),
                    w == null ? "–" : fixed(w.max(), d), fixed(t.ratio(), 2));
            out.append("<td class=\"l\"><code>").append(esc(t.command())).append("</code>");
            if (!t.reason().isEmpty()) {
                out.append("<br/>").append(esc(t.reason()));
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    // ---------------------------------------------------------------- charts

    /** Median dot with a min–max whisker per (model, workers); models along x, seconds up. */
    private static void timeChart(StringBuilder out, String id, List<Measurement> rows, Palette palette, int decimals) {
        Map<String, Map<Integer, Measurement>> byModel = byModel(rows);
        Ticks y = Ticks.upTo(rows.stream().mapToDouble(m -> m.wall().max()).max().orElse(1));
        Scale ys = new Scale(0, y.top(), TOP + PLOT_HEIGHT, TOP);
        openSvg(out, "chart-time-" + id, "Wall time per model and worker count, median with min–max whiskers", TOP + PLOT_HEIGHT + BOTTOM);
        workerLegend(out, palette, workersOf(rows));
        yAxis(out, y, ys, "seconds", v -> tick(v, y.step()));
        Groups groups = Groups.of(byModel);
        int g = 0;
        for (var model : byModel.entrySet()) {
            groups.label(out, g, model.getKey());
            seriesOpen(out, model.getKey());
            int k = 0;
            for (Measurement m : model.getValue().values()) {
                double x = groups.slotCenter(g, k++, model.getValue().size());
                whisker(out, x, ys, m, palette.worker(m.workers()), decimals);
                groups.slotLabel(out, x, Integer.toString(m.workers()));
            }
            out.append("</g>\n");
            g++;
        }
        xAxisLine(out, groups.slotLabels() ? "model (worker count under each point)" : "model (darker = more workers)", 60);
        out.append("</svg>\n");
    }

    private static void whisker(StringBuilder out, double x, Scale ys, Measurement m, String color, int d) {
        Summary w = m.wall();
        out.append("<g class=\"point\" data-workers=\"").append(m.workers()).append("\"><title>")
                .append(esc(m.model() + ", " + workers(m.workers()) + ": median " + fixed(w.median(), d) + " s (min " + fixed(w.min(), d)
                        + ", max " + fixed(w.max(), d) + ")"))
                .append("</title>");
        line(out, x, ys.at(w.min()), x, ys.at(w.max()), WHISKER, "whisker", 1.5);
        line(out, x - 6, ys.at(w.min()), x + 6, ys.at(w.min()), WHISKER, "cap", 1.5);
        line(out, x - 6, ys.at(w.max()), x + 6, ys.at(w.max()), WHISKER, "cap", 1.5);
        out.append("<circle class=\"median\" cx=\"").append(px(x)).append("\" cy=\"").append(px(ys.at(w.median())))
                .append("\" r=\"5.5\" fill=\"").append(color).append("\" stroke=\"").append(WHISKER)
                .append("\" stroke-width=\"1\"/></g>\n");
    }

    /** One polyline per model over worker counts, and the dashed ideal y = x. */
    private static void speedupChart(StringBuilder out, String id, List<Measurement> rows, Palette palette) {
        int maxWorkers = rows.stream().mapToInt(Measurement::workers).max().orElse(1);
        double maxSpeedup = rows.stream().mapToDouble(Measurement::speedup).filter(Double::isFinite).max().orElse(1);
        Ticks y = Ticks.upTo(Math.max(maxSpeedup, maxWorkers));
        Scale xs = new Scale(0, maxWorkers, LEFT, WIDTH - RIGHT - 16);
        Scale ys = new Scale(0, y.top(), TOP + PLOT_HEIGHT, TOP);
        Map<String, Map<Integer, Measurement>> byModel = byModel(rows);
        openSvg(out, "chart-speedup-" + id, "Speed-up against workers per model, with the ideal linear speed-up", TOP + PLOT_HEIGHT + BOTTOM);
        modelLegend(out, palette, byModel.keySet(), true);
        yAxis(out, y, ys, "speed-up (× sequential)", v -> tick(v, y.step()));
        workerTicks(out, xs, workersOf(rows));
        line(out, xs.at(1), ys.at(1), xs.at(maxWorkers), ys.at(maxWorkers), "#888", "ideal", 1.5);
        text(out, xs.at(maxWorkers) - 8, ys.at(maxWorkers) + 16, "ideal-label", "end", "ideal");
        byModel.forEach((model, points) -> speedupSeries(out, model, points.values(), xs, ys, palette.model(model)));
        xAxisLine(out, "workers", 44);
        out.append("</svg>\n");
    }

    private static void speedupSeries(StringBuilder out, String model, Iterable<Measurement> points, Scale xs, Scale ys, String color) {
        seriesOpen(out, model);
        StringBuilder coords = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        int n = 0;
        for (Measurement m : points) {
            if (!Double.isFinite(m.speedup())) {
                continue;
            }
            double x = xs.at(m.workers());
            double y = ys.at(m.speedup());
            coords.append(n++ == 0 ? "" : " ").append(px(x)).append(',').append(px(y));
            dots.append("<circle cx=\"").append(px(x)).append("\" cy=\"").append(px(y)).append("\" r=\"4\" fill=\"").append(color)
                    .append("\"><title>").append(esc(model + ", " + workers(m.workers()) + ": speed-up " + fixed(m.speedup(), 2)
                            + ", efficiency " + fixed(m.efficiency(), 2))).append("</title></circle>\n");
        }
        if (n > 1) {
            out.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2.5\" points=\"")
                    .append(coords).append("\"/>\n");
        }
        out.append(dots).append("</g>\n");
    }

    /** Numbers per second (count ÷ median wall) as grouped bars: models along x, one bar per worker count. */
    private static void throughputChart(StringBuilder out, String id, List<Measurement> rows, Palette palette) {
        Map<String, Map<Integer, Measurement>> byModel = byModel(rows);
        Ticks y = Ticks.upTo(rows.stream().mapToDouble(BenchHtml::throughput).filter(Double::isFinite).max().orElse(1));
        Scale ys = new Scale(0, y.top(), TOP + PLOT_HEIGHT, TOP);
        openSvg(out, "chart-throughput-" + id, "Numbers factored per second, per model and worker count", TOP + PLOT_HEIGHT + BOTTOM);
        workerLegend(out, palette, workersOf(rows));
        yAxis(out, y, ys, "numbers per second", BenchHtml::si);
        Groups groups = Groups.of(byModel);
        int g = 0;
        for (var model : byModel.entrySet()) {
            groups.label(out, g, model.getKey());
            seriesOpen(out, model.getKey());
            int k = 0;
            int slots = model.getValue().size();
            for (Measurement m : model.getValue().values()) {
                double x = groups.slotCenter(g, k++, slots);
                bar(out, x, groups.barWidth(slots), ys, m, palette.worker(m.workers()));
                groups.slotLabel(out, x, Integer.toString(m.workers()));
            }
            out.append("</g>\n");
            g++;
        }
        xAxisLine(out, groups.slotLabels() ? "model (worker count under each bar)" : "model (darker = more workers)", 60);
        out.append("</svg>\n");
    }

    private static void bar(StringBuilder out, double x, double width, Scale ys, Measurement m, String color) {
        double v = throughput(m);
        if (!Double.isFinite(v)) {
            return;
        }
        double top = ys.at(v);
        out.append("<rect class=\"bar\" data-workers=\"").append(m.workers()).append("\" x=\"").append(px(x - width / 2))
                .append("\" y=\"").append(px(top)).append("\" width=\"").append(px(width)).append("\" height=\"")
                .append(px(ys.at(0) - top)).append("\" fill=\"").append(color).append("\"><title>")
                .append(esc(m.model() + ", " + workers(m.workers()) + ": " + rate(v) + " numbers/s")).append("</title></rect>\n");
        if (width >= 34) {
            text(out, x, top - 4, "value", "middle", si(v));
        }
    }

    /** Horizontal bars of each tool's median, labelled with its ratio to factorlab; skipped tools as a note. */
    private static void externalChart(StringBuilder out, List<ExternalMeasurement> tools, Palette palette, int decimals) {
        int left = 170;
        int top = 12;
        int rowHeight = 34;
        int bottom = top + rowHeight * tools.size();
        double max = tools.stream().filter(t -> t.wall() != null).mapToDouble(t -> t.wall().median()).max().orElse(1);
        Ticks x = Ticks.upTo(max);
        Scale xs = new Scale(0, x.top(), left, WIDTH - RIGHT - 190);
        openSvg(out, "chart-external", "Median wall time of each external tool and its ratio to factorlab", bottom + 56);
        for (double t : x.values()) {
            line(out, xs.at(t), top, xs.at(t), bottom, "#e6e6e6", "grid", 1);
            text(out, xs.at(t), bottom + 18, "tick-label", "middle", tick(t, x.step()));
        }
        for (int i = 0; i < tools.size(); i++) {
            externalRow(out, tools.get(i), xs, top + i * rowHeight + rowHeight / 2.0, palette, decimals);
        }
        line(out, left, top, left, bottom, "#555", "axis", 1);
        text(out, (left + xs.at(x.top())) / 2, bottom + 44, "axis-label", "middle", "median wall time (seconds)");
        out.append("</svg>\n");
    }

    private static void externalRow(StringBuilder out, ExternalMeasurement t, Scale xs, double cy, Palette palette, int d) {
        seriesOpen(out, t.tool());
        text(out, xs.at(0) - 10, cy + 4, "tick-label", "end", t.tool());
        if (t.wall() == null) {
            String why = t.reason().isEmpty() ? t.status() : t.status() + ": " + t.reason();
            text(out, xs.at(0) + 8, cy + 4, "note", "start", why);
        } else {
            double end = xs.at(t.wall().median());
            out.append("<rect class=\"bar\" x=\"").append(px(xs.at(0))).append("\" y=\"").append(px(cy - 11))
                    .append("\" width=\"").append(px(end - xs.at(0))).append("\" height=\"22\" fill=\"")
                    .append(palette.model(t.tool())).append("\"><title>").append(esc(t.command())).append("</title></rect>\n");
            String ratio = t.tool().equals("factorlab") ? "reference" : "ratio " + fixed(t.ratio(), 2) + " × factorlab";
            text(out, end + 6, cy + 4, "value", "start", fixed(t.wall().median(), d) + " s · " + ratio);
        }
        out.append("</g>\n");
    }

    // ---------------------------------------------------------------- chart parts

    private static void openSvg(StringBuilder out, String id, String title, int height) {
        out.append("<svg id=\"").append(esc(id)).append("\" class=\"chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-label=\"").append(esc(title)).append("\">\n<title>").append(esc(title)).append("</title>\n");
    }

    private static void seriesOpen(StringBuilder out, String name) {
        out.append("<g class=\"series\" data-series=\"").append(esc(name)).append("\">\n");
    }

    private static void yAxis(StringBuilder out, Ticks ticks, Scale ys, String label, DoubleFunction<String> format) {
        for (double t : ticks.values()) {
            double y = ys.at(t);
            line(out, LEFT, y, WIDTH - RIGHT, y, "#e6e6e6", "grid", 1);
            text(out, LEFT - 8, y + 4, "tick-label", "end", format.apply(t));
        }
        line(out, LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#555", "axis", 1);
        double cy = TOP + PLOT_HEIGHT / 2.0;
        out.append("<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(20,").append(px(cy))
                .append(") rotate(-90)\">").append(esc(label)).append("</text>\n");
    }

    private static void xAxisLine(StringBuilder out, String label, int below) {
        line(out, LEFT, TOP + PLOT_HEIGHT, WIDTH - RIGHT, TOP + PLOT_HEIGHT, "#555", "axis", 1);
        text(out, (LEFT + WIDTH - RIGHT) / 2.0, TOP + PLOT_HEIGHT + below, "axis-label", "middle", label);
    }

    /** Ticks at the measured worker counts, leaving out any that would crowd the previous label. */
    private static void workerTicks(StringBuilder out, Scale xs, Set<Integer> workers) {
        double last = Double.NEGATIVE_INFINITY;
        for (int w : workers) {
            double x = xs.at(w);
            line(out, x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 5, "#555", "tick", 1);
            line(out, x, TOP, x, TOP + PLOT_HEIGHT, "#f0f0f0", "grid", 1);
            if (x - last >= 26) {
                text(out, x, TOP + PLOT_HEIGHT + 20, "tick-label", "middle", Integer.toString(w));
                last = x;
            }
        }
    }

    private static void workerLegend(StringBuilder out, Palette palette, Set<Integer> workers) {
        out.append("<g class=\"legend\">\n");
        text(out, LEFT, 24, "legend-title", "start", "workers:");
        double x = LEFT + 64;
        for (int w : workers) {
            out.append("<rect x=\"").append(px(x)).append("\" y=\"14\" width=\"14\" height=\"14\" rx=\"2\" fill=\"")
                    .append(palette.worker(w)).append("\"/>\n");
            String label = Integer.toString(w);
            text(out, x + 19, 25, "legend-label", "start", label);
            x += 19 + 7.5 * label.length() + 16;
        }
        out.append("</g>\n");
    }

    /** Model swatches (and the ideal line) left to right, wrapping to a second row above the plot when needed. */
    private static void modelLegend(StringBuilder out, Palette palette, Set<String> models, boolean ideal) {
        out.append("<g class=\"legend\">\n");
        double x = LEFT;
        double y = 20;
        List<String> entries = new ArrayList<>(models);
        if (ideal) {
            entries.add("ideal (y = x)");
        }
        for (int i = 0; i < entries.size(); i++) {
            String label = entries.get(i);
            double width = 28 + 7 * label.length() + 22;
            if (x > LEFT && x + width > WIDTH - RIGHT) {
                x = LEFT;
                y += 18;
            }
            boolean isIdeal = ideal && i == entries.size() - 1;
            line(out, x, y, x + 22, y, isIdeal ? "#888" : palette.model(label), isIdeal ? "legend-ideal" : "legend-line",
                    isIdeal ? 1.5 : 3);
            text(out, x + 28, y + 4, "legend-label", "start", label);
            x += width;
        }
        out.append("</g>\n");
    }

    private static void line(StringBuilder out, double x1, double y1, double x2, double y2, String color, String cls, double width) {
        out.append("<line class=\"").append(cls).append("\" x1=\"").append(px(x1)).append("\" y1=\"").append(px(y1))
                .append("\" x2=\"").append(px(x2)).append("\" y2=\"").append(px(y2)).append("\" stroke=\"").append(color)
                .append("\" stroke-width=\"").append(px(width)).append("\"/>\n");
    }

    private static void text(StringBuilder out, double x, double y, String cls, String anchor, String content) {
        out.append("<text class=\"").append(cls).append("\" x=\"").append(px(x)).append("\" y=\"").append(px(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(esc(content)).append("</text>\n");
    }

    /**
     * Model groups side by side across the plot area, each with slots for its worker counts. Worker-count
     * labels under the slots are drawn in every group or in none (a row missing only "16" would mislead).
     */
    private record Groups(int count, boolean slotLabels) {
        private static final double SLOT_MAX = 70;

        static Groups of(Map<String, Map<Integer, Measurement>> byModel) {
            Groups g = new Groups(byModel.size(), false);
            int slots = byModel.values().stream().mapToInt(Map::size).max().orElse(1);
            int digits = byModel.values().stream().flatMap(m -> m.keySet().stream())
                    .mapToInt(w -> Integer.toString(w).length()).max().orElse(1);
            return new Groups(byModel.size(), g.slotWidth(slots) >= 7 * digits + 6);
        }

        double width() {
            return (WIDTH - LEFT - RIGHT) / (double) Math.max(1, count);
        }

        double slotWidth(int slots) {
            return Math.min(SLOT_MAX, width() * 0.8 / Math.max(1, slots));
        }

        double slotCenter(int group, int slot, int slots) {
            double center = LEFT + width() * (group + 0.5);
            return center + (slot - (slots - 1) / 2.0) * slotWidth(slots);
        }

        double barWidth(int slots) {
            return slotWidth(slots) * 0.8;
        }

        void label(StringBuilder out, int group, String model) {
            double left = LEFT + width() * group;
            if (group > 0) {
                line(out, left, TOP, left, TOP + PLOT_HEIGHT, "#f0f0f0", "grid", 1);
            }
            text(out, left + width() / 2, TOP + PLOT_HEIGHT + 38, "group-label", "middle", model);
        }

        void slotLabel(StringBuilder out, double x, String label) {
            if (slotLabels) {
                text(out, x, TOP + PLOT_HEIGHT + 17, "slot-label", "middle", label);
            }
        }
    }

    /** A linear map from data values [d0, d1] to pixels [r0, r1]. */
    private record Scale(double d0, double d1, double r0, double r1) {
        double at(double v) {
            return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
        }
    }

    /** Axis ticks from 0 to the first multiple of a nice step (1, 2 or 5 × 10^k) at or above the maximum. */
    private record Ticks(double step, double top) {
        static Ticks upTo(double max) {
            double m = Double.isFinite(max) && max > 0 ? max : 1;
            double raw = m / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / magnitude;
            double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
            return new Ticks(step, Math.ceil(m / step - 1e-9) * step);
        }

        List<Double> values() {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i * step <= top + step / 1e6; i++) {
                v.add(i * step);
            }
            return v;
        }
    }

    /** Colours: one per model (first-seen order over the whole report) and a ramp over the worker counts. */
    private record Palette(Map<String, String> models, Map<Integer, String> workers) {
        static Palette of(BenchReport report) {
            Set<String> names = new LinkedHashSet<>();
            Set<Integer> counts = new TreeSet<>();
            report.measurements().forEach(m -> {
                names.add(m.model());
                counts.add(m.workers());
            });
            names.add("factorlab");
            report.external().forEach(t -> names.add(t.tool()));
            Map<String, String> models = new LinkedHashMap<>();
            names.forEach(n -> models.put(n, MODEL_COLORS[models.size() % MODEL_COLORS.length]));
            Map<Integer, String> workers = new TreeMap<>();
            int i = 0;
            for (int w : counts) {
                workers.put(w, ramp(counts.size() == 1 ? 0.6 : i++ / (double) (counts.size() - 1)));
            }
            return new Palette(models, workers);
        }

        private static String ramp(double t) {
            StringBuilder hex = new StringBuilder("#");
            for (int c = 0; c < 3; c++) {
                hex.append(String.format(Locale.ROOT, "%02x", Math.round(RAMP_LIGHT[c] + t * (RAMP_DARK[c] - RAMP_LIGHT[c]))));
            }
            return hex.toString();
        }

        String model(String name) {
            return models.getOrDefault(name, "#7f7f7f");
        }

        String worker(int count) {
            return workers.getOrDefault(count, "#4a7fb0");
        }
    }

    // ---------------------------------------------------------------- data and formatting

    private static Map<String, List<Measurement>> workloads(BenchReport report) {
        Map<String, List<Measurement>> byWorkload = new LinkedHashMap<>();
        report.measurements().forEach(m -> byWorkload.computeIfAbsent(m.workload(), k -> new ArrayList<>()).add(m));
        return byWorkload;
    }

    /** Model → (workers → measurement), models in first-seen order, workers ascending. */
    private static Map<String, Map<Integer, Measurement>> byModel(List<Measurement> rows) {
        Map<String, Map<Integer, Measurement>> byModel = new LinkedHashMap<>();
        rows.forEach(m -> byModel.computeIfAbsent(m.model(), k -> new TreeMap<>()).put(m.workers(), m));
        return byModel;
    }

    private static Set<Integer> workersOf(List<Measurement> rows) {
        Set<Integer> workers = new TreeSet<>();
        rows.forEach(m -> workers.add(m.workers()));
        return workers;
    }

    /** Numbers per second: the configuration's count over its median wall time; NaN when undefined. */
    private static double throughput(Measurement m) {
        if (m.samples().isEmpty() || !(m.wall().median() > 0)) {
            return Double.NaN;
        }
        return m.samples().get(m.samples().size() - 1).count() / m.wall().median();
    }

    /** A workload name made safe for an {@code id}: letters, digits, '-' and '_'; made unique if it collides. */
    private static String uniqueId(String workload, Set<String> used) {
        String base = workload.replaceAll("[^A-Za-z0-9_-]", "-");
        if (base.isEmpty()) {
            base = "workload";
        }
        String id = base;
        for (int i = 2; !used.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private static String workers(int n) {
        return n == 1 ? "1 worker" : n + " workers";
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String tick(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * Decimals that give the smallest positive value four significant digits (1.234, 0.01234, 123.4), so a
     * table column lines up; 3 when there is no positive value.
     */
    private static int decimalsFor(DoubleStream values) {
        double smallest = values.filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1);
        return Math.max(0, Math.min(6, 3 - (int) Math.floor(Math.log10(smallest))));
    }

    /** A rate for tables and tooltips: whole numbers with thousands separators from 1000 up ("12,345"). */
    private static String rate(double v) {
        return Double.isFinite(v) && v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : sig(v);
    }

    /** Four significant digits, plain notation ("0.001235", "1235", "2000"); "–" for NaN. */
    private static String sig(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }

    /** Short SI form for axis ticks and bar labels: 950, 1.5k, 20k, 3.2M. */
    private static String si(double v) {
        double a = Math.abs(v);
        String[] units = {"", "k", "M", "G", "T"};
        int u = 0;
        while (a >= 1000 && u < units.length - 1) {
            a /= 1000;
            v /= 1000;
            u++;
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString() + units[u];
    }

    /** Escapes text for HTML/XML content and double- or single-quoted attributes. */
    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
