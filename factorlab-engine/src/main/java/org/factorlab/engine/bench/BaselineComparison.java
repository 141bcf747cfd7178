package org.factorlab.engine.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * This run against an earlier one ({@code factorlab bench --baseline FILE}): for every configuration
 * (workload, model, workers) measured in both, the two medians, their ratio, and whether the change is
 * beyond the noise.
 *
 * <p>A change counts only when the two 95% intervals for the median ({@link Summary#ciLow()} to
 * {@link Summary#ciHigh()}) do not overlap: a median moving inside the other run's spread is what
 * repeating the same run would show. With fewer than 6 samples the intervals are the full ranges, so
 * "faster" then means every current sample beat every baseline sample. As {@code BENCHMARKS.md} says,
 * runs on different days or machines differ for reasons of their own; a baseline is best taken on the
 * same machine, just before.
 *
 * <p>Example:
 * <pre>{@code
 * List<BaselineComparison.Change> changes = BaselineComparison.compare(report, BenchJson.read(Files.readString(path)));
 * System.out.print(BaselineComparison.table(changes));
 * }</pre>
 * Stateless and thread-safe.
 */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    /** How a configuration's median moved, judged against the spread of both runs. */
    public enum Verdict {
        /** The current interval lies wholly below the baseline's. */
        FASTER("faster"),
        /** The current interval lies wholly above the baseline's. */
        SLOWER("slower"),
        /** The intervals overlap. */
        WITHIN_NOISE("within noise");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One configuration measured in both runs.
     *
     * @param workload       the workload's name
     * @param model          the execution model
     * @param workers        its worker count
     * @param baselineMedian the baseline's median wall time, seconds
     * @param currentMedian  this run's median wall time, seconds
     * @param ratio          currentMedian / baselineMedian (below 1: faster now)
     * @param verdict        whether the change is beyond the spread, and which way
     */
    public record Change(String workload, String model, int workers, double baselineMedian, double currentMedian,
                         double ratio, Verdict verdict) {
        /** Whether the 95% intervals of the two medians are disjoint. */
        public boolean beyondNoise() {
            return verdict != Verdict.WITHIN_NOISE;
        }

        /** The change of the median in percent of the baseline's: negative when faster. */
        public double changePercent() {
            return (ratio - 1) * 100;
        }
    }

    /**
     * The configurations of {@code current} that {@code baseline} also measured, in {@code current}'s order.
     * A configuration only one of them measured, or one without a summary, is left out.
     */
    public static List<Change> compare(BenchReport current, BenchReport baseline) {
        Map<Configuration, Summary> before = new HashMap<>();
        for (Measurement m : baseline.measurements()) {
            if (m.wall() != null) {
                before.putIfAbsent(key(m), m.wall());
            }
        }
        List<Change> changes = new ArrayList<>();
        for (Measurement m : current.measurements()) {
            Summary base = before.get(key(m));
            Summary now = m.wall();
            if (base != null && now != null) {
                changes.add(new Change(m.workload(), m.model(), m.workers(), base.median(), now.median(),
                        now.median() / base.median(), verdict(now, base)));
            }
        }
        return changes;
    }

    private record Configuration(String workload, String model, int workers) {
    }

    private static Configuration key(Measurement m) {
        return new Configuration(m.workload(), m.model(), m.workers());
    }

    private static Verdict verdict(Summary now, Summary base) {
        if (now.ciHigh() < base.ciLow()) {
            return Verdict.FASTER;
        }
        if (now.ciLow() > base.ciHigh()) {
            return Verdict.SLOWER;
        }
        return Verdict.WITHIN_NOISE;
    }

    /**
     * {@code changes} as an aligned plain-text table for the terminal: configuration, baseline median,
     * current median, change in percent, verdict; one line each, after a header line.
     */
    public static String table(List<Change> changes) {
        if (changes.isEmpty()) {
            return "no configuration was measured in both this run and the baseline\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"configuration", "baseline", "current", "change", ""});
        for (Change c : changes) {
            rows.add(new String[]{c.workload() + " / " + c.model() + " / " + c.workers() + (c.workers() == 1 ? " worker" : " workers"),
                    BenchMarkdown.seconds(c.baselineMedian()), BenchMarkdown.seconds(c.currentMedian()),
                    Double.isFinite(c.ratio()) ? String.format(Locale.ROOT, "%+.1f%%", c.changePercent()) : "—",
                    c.verdict().toString()});
        }
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            line.append(pad(row[0], width[0], false));
            for (int i = 1; i < 4; i++) {
                line.append("  ").append(pad(row[i], width[i], true));
            }
            line.append("  ").append(row[4]);
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
