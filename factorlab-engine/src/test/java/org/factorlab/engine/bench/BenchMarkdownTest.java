package org.factorlab.engine.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchMarkdownTest {

    @Test
    void measurementsTableHasHeaderSeparatorAndOneRowPerMeasurement() {
        BenchReport report = BenchJsonTest.report();
        List<String> lines = BenchMarkdown.table(report).lines().toList();
        int blank = lines.indexOf("");
        List<String> first = lines.subList(0, blank);
        assertThat(first.getFirst())
                .isEqualTo("| workload | model | workers | median | min | max | ± (MAD) | speed-up | efficiency | CPU | GC | peak heap |");
        assertThat(cells(first.get(1))).allMatch(cell -> cell.matches(":?-{3,}:?"));
        assertThat(first).hasSize(2 + report.measurements().size());
        assertThat(first).allSatisfy(line -> assertThat(cells(line)).hasSize(12));
        assertThat(first.get(2)).isEqualTo("| cpu | sequential | 1 | 0.123 s | 0.120 s | 0.130 s | 0.00346 s | 1.00x | 100% | 0.123 s | 0.000500 s | 70 MiB |");
    }

    @Test
    void externalTableFollowsWithOneRowPerTool() {
        BenchReport report = BenchJsonTest.report();
        List<String> lines = BenchMarkdown.table(report).lines().toList();
        List<String> second = lines.subList(lines.indexOf("") + 1, lines.size());
        assertThat(second.getFirst()).isEqualTo("| tool | median | min | max | ratio to factorlab | status |");
        assertThat(second).hasSize(2 + report.external().size());
        assertThat(second).allSatisfy(line -> assertThat(cells(line)).hasSize(6));
        assertThat(second.get(2)).isEqualTo("| gnu-factor | 0.0305 s | 0.0290 s | 0.0310 s | 0.31 | ok |");
        assertThat(second.get(3)).isEqualTo("| pari-gp | — | — | — | — | skipped: gp not found on PATH |");
    }

    @Test
    void noExternalTableWithoutExternalResults() {
        BenchReport r = BenchJsonTest.report();
        BenchReport report = new BenchReport(r.version(), r.command(), r.started(), r.machine(), r.measurements(), List.of());
        List<String> lines = BenchMarkdown.table(report).lines().toList();
        assertThat(lines).hasSize(2 + r.measurements().size()).doesNotContain("");
    }

    @Test
    void pipesInNamesAreEscapedSoTheColumnCountHolds() {
        Measurement m = BenchJsonTest.report().measurements().getFirst();
        Measurement piped = new Measurement("a|b", "threads", 4, m.samples(), m.wall(), 1.62, 0.405, Map.of());
        BenchReport report = new BenchReport(BenchReport.VERSION, "x", "now", null, List.of(piped), List.of());
        String row = BenchMarkdown.table(report).lines().toList().get(2);
        assertThat(cells(row)).hasSize(12);
        assertThat(row).contains("a\\|b").contains("1.62x").contains("41%");
    }

    @Test
    void formatsTimesSpeedUpsAndEfficiencies() {
        assertThat(BenchMarkdown.seconds(0.12345)).isEqualTo("0.123 s");
        assertThat(BenchMarkdown.seconds(12.3456)).isEqualTo("12.346 s");
        assertThat(BenchMarkdown.seconds(0.0123456)).isEqualTo("0.0123 s");
        assertThat(BenchMarkdown.seconds(0.000012345)).isEqualTo("0.0000123 s");
        assertThat(BenchMarkdown.seconds(0)).isEqualTo("0.000 s");
        assertThat(BenchMarkdown.seconds(Double.NaN)).isEqualTo("—");
        assertThat(BenchMarkdown.speedup(1.6249)).isEqualTo("1.62x");
        assertThat(BenchMarkdown.percent(0.81)).isEqualTo("81%");
    }

    /** The cells of a table row, splitting on pipes that are not escaped. */
    private static List<String> cells(String row) {
        assertThat(row).startsWith("| ").endsWith(" |");
        String inner = row.substring(1, row.length() - 1);
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
    }
}
