package org.factorlab.cli;

import org.factorlab.engine.bench.BenchJson;
import org.factorlab.engine.bench.BenchReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code factorlab bench} in a small configuration: the table, every export and the baseline comparison. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private Cli.Result bench(String... extra) {
        String[] base = {"bench", "--workloads", "seed", "--models", "sequential,threads,gil", "--workers", "1,2",
                "--repetitions", "2"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.args(args);
    }

    @Test
    @Timeout(120)
    void printsTheTableAndWritesEveryExport() throws IOException {
        Path json = dir.resolve("r.json");
        Path csv = dir.resolve("r.csv");
        Path md = dir.resolve("r.md");
        Path html = dir.resolve("r.html");
        Cli.Result r = bench("--export-json", json.toString(), "--export-csv", csv.toString(),
                "--export-markdown", md.toString(), "--export-html", html.toString());
        assertThat(r.status()).as(r.err()).isZero();
        // sequential once, then threads and gil with 1 and 2 workers
        assertThat(r.out().lines().filter(l -> l.startsWith("| seed |"))).hasSize(5);
        assertThat(r.out()).contains("| seed | sequential | 1 |", "| seed | threads | 2 |", "| seed | gil | 2 |");

        BenchReport report = BenchJson.read(Files.readString(json));
        assertThat(report.measurements()).hasSize(5);
        assertThat(report.measurements()).allMatch(m -> m.samples().size() == 2)
                .allMatch(m -> m.samples().stream().allMatch(s -> s.verified() && s.count() == 10_000));
        assertThat(report.measurements().get(0).speedup()).isEqualTo(1.0);
        assertThat(report.command()).startsWith("factorlab bench --workloads seed");
        assertThat(report.machine().cores()).isPositive();

        assertThat(Files.readAllLines(csv)).hasSize(1 + 5 * 2); // header + one row per sample
        assertThat(Files.readString(md)).isEqualTo(r.out());
        String page = Files.readString(html);
        assertThat(page).contains("id=\"chart-time-seed\"", "id=\"chart-speedup-seed\"", "id=\"chart-throughput-seed\"")
                .doesNotContain("<script src", "https://");
    }

    @Test
    @Timeout(120)
    void comparesWithABaseline() throws IOException {
        Path before = dir.resolve("before.json");
        assertThat(bench("--export-json", before.toString()).status()).isZero();
        Cli.Result r = bench("--baseline", before.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("seed / threads / 2 workers");
        assertThat(r.err()).containsAnyOf("faster", "slower", "within noise");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "{not json");
        for (String[] args : new String[][] {
            {"bench", "--workloads", "nope"}, {"bench", "--models", "nope"}, {"bench", "--workers", "0"},
            {"bench", "--repetitions", "0"}, {"bench", "--baseline", notJson.toString()},
            {"bench", "--baseline", dir.resolve("missing.json").toString()}}) {
            Cli.Result r = Cli.args(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
        }
    }

    @Test
    void helpExplainsWithExamples() {
        Cli.Result r = Cli.args("bench", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--quick", "--export-html", "--compare-external", "--baseline", "Examples:");
    }
}
