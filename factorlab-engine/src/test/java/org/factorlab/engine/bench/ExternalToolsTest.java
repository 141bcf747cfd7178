package org.factorlab.engine.bench;

import org.factorlab.core.workload.RandomWorkload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class ExternalToolsTest {
    @TempDir
    Path dir;

    /** The seed workload's first 1,000 numbers, one per line. */
    private Path seedInput(int count) throws IOException {
        RandomWorkload w = new RandomWorkload(1, count, 20_000, 100_000_000);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(w.number(i)).append('\n');
        }
        return Files.writeString(dir.resolve("input.txt"), sb);
    }

    private static Map<String, ExternalMeasurement> byTool(List<ExternalMeasurement> m) {
        return m.stream().collect(Collectors.toMap(ExternalMeasurement::tool, Function.identity()));
    }

    @Test
    void gnuFactorIsTimedAndComparedWithAStandInForFactorlab() throws Exception {
        assumeThat(ExternalTools.Lookup.systemPath().find("factor")).isPresent();
        Path input = seedInput(1000);
        List<ExternalTools.Tool> tools = List.of(
                new ExternalTools.Tool(ExternalTools.FACTORLAB, List.of("factor"), false), // stand-in: no jar build
                new ExternalTools.Tool("gnu-factor", List.of("factor"), false));
        List<String> progress = new ArrayList<>();
        List<ExternalMeasurement> m = new ExternalTools(tools, ExternalTools.Lookup.systemPath(), Duration.ofMinutes(1))
                .run(input, 1, progress::add);
        assertThat(m).extracting(ExternalMeasurement::tool).containsExactly("factorlab", "gnu-factor");
        ExternalMeasurement gnu = byTool(m).get("gnu-factor");
        assertThat(gnu.status()).isEqualTo("ok");
        assertThat(gnu.reason()).isEmpty();
        assertThat(gnu.seconds()).hasSize(1).allMatch(s -> s > 0 && s < 60);
        assertThat(gnu.wall().n()).isEqualTo(1);
        assertThat(gnu.ratio()).isPositive().isFinite();
        assertThat(byTool(m).get("factorlab").ratio()).isEqualTo(1.0);
        assertThat(gnu.command()).isEqualTo("factor < " + input + " > /dev/null");
        assertThat(progress).contains("external: gnu-factor: warm-up", "external: gnu-factor: run 1/1");
    }

    @Test
    void aMissingExecutableIsSkippedAsNotInstalledAndTheOthersStillRun() throws Exception {
        Path input = seedInput(100);
        ExternalTools.Lookup onlyTrue = program -> program.equals("true") ? Optional.of(Path.of("/bin/true")) : Optional.empty();
        List<ExternalTools.Tool> tools = List.of(
                new ExternalTools.Tool(ExternalTools.FACTORLAB, List.of("true"), false),
                new ExternalTools.Tool("pari-gp", List.of("gp", "-q"), false),
                new ExternalTools.Tool("nothing", List.of("/no/such/dir/factor-xyz"), false));
        Map<String, ExternalMeasurement> m = byTool(new ExternalTools(tools, onlyTrue, Duration.ofMinutes(1))
                .run(input, 2, line -> { }));
        for (String missing : List.of("pari-gp", "nothing")) {
            assertThat(m.get(missing).status()).isEqualTo("skipped");
            assertThat(m.get(missing).reason()).isEqualTo("not installed");
            assertThat(m.get(missing).seconds()).isEmpty();
            assertThat(m.get(missing).wall()).isNull();
            assertThat(m.get(missing).ratio()).isNaN();
        }
        assertThat(m.get("factorlab").status()).isEqualTo("ok");
        assertThat(m.get("factorlab").seconds()).hasSize(2);
    }

    @Test
    void theSystemPathLookupFindsFactorAndNotAnInventedName() {
        assumeThat(Files.isExecutable(Path.of("/bin/sh"))).isTrue();
        assertThat(ExternalTools.Lookup.systemPath().find("sh")).isPresent();
        assertThat(ExternalTools.Lookup.systemPath().find("factorlab-no-such-program-4711")).isEmpty();
        assertThat(ExternalTools.Lookup.systemPath().find("/no/such/program")).isEmpty();
    }

    @Test
    void aNonZeroExitFailsWithTheFirstLineOfStandardError() throws Exception {
        Path input = seedInput(10);
        List<ExternalTools.Tool> tools = List.of(
                new ExternalTools.Tool(ExternalTools.FACTORLAB, List.of("sh", "-c", "echo first >&2; echo second >&2; exit 3"), false));
        ExternalMeasurement m = new ExternalTools(tools, ExternalTools.Lookup.systemPath(), Duration.ofMinutes(1))
                .run(input, 3, line -> { }).get(0);
        assertThat(m.status()).isEqualTo("failed");
        assertThat(m.reason()).isEqualTo("exit status 3: first");
        assertThat(m.wall()).isNull();
        assertThat(m.ratio()).isNaN();
    }

    @Test
    void aRunPastTheTimeLimitIsKilledAndFails() throws Exception {
        Path input = seedInput(10);
        List<ExternalTools.Tool> tools = List.of(new ExternalTools.Tool("sleeper", List.of("sleep", "30"), false));
        long t0 = System.nanoTime();
        ExternalMeasurement m = new ExternalTools(tools, ExternalTools.Lookup.systemPath(), Duration.ofMillis(300))
                .run(input, 1, line -> { }).get(0);
        assertThat(System.nanoTime() - t0).isLessThan(10_000_000_000L);
        assertThat(m.status()).isEqualTo("failed");
        assertThat(m.reason()).startsWith("timed out");
    }

    @Test
    void theOrderRotatesByOnePlaceEachRepetition() {
        List<String> tools = List.of("a", "b", "c");
        assertThat(ExternalTools.rotation(tools, 0)).containsExactly("a", "b", "c");
        assertThat(ExternalTools.rotation(tools, 1)).containsExactly("b", "c", "a");
        assertThat(ExternalTools.rotation(tools, 2)).containsExactly("c", "a", "b");
        assertThat(ExternalTools.rotation(tools, 3)).containsExactly("a", "b", "c");
        assertThat(ExternalTools.rotation(List.of(), 5)).isEmpty();
        for (int position = 0; position < 3; position++) { // over 3 repetitions each tool takes each place once
            int p = position;
            assertThat(List.of(0, 1, 2).stream().map(r -> ExternalTools.rotation(tools, r).get(p)))
                    .containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @Test
    void thePythonSeedProgramsRunOnlyOnSeedSizedInputs() throws Exception {
        assertThat(ExternalTools.seedSized(seedInput(10_000))).isNull();
        Path many = dir.resolve("many.txt");
        Files.writeString(many, "12\n".repeat(100_001));
        assertThat(ExternalTools.seedSized(many)).contains("more than 100,000 lines");
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "12\n".repeat(1000) + "18446744073709551557\n");
        assertThat(ExternalTools.seedSized(big)).contains("64 bits", "too long");

        List<ExternalTools.Tool> tools = List.of(new ExternalTools.Tool("python-sequential", List.of("true"), true));
        ExternalMeasurement m = new ExternalTools(tools, ExternalTools.Lookup.systemPath(), Duration.ofMinutes(1))
                .run(many, 1, line -> { }).get(0);
        assertThat(m.status()).isEqualTo("skipped");
        assertThat(m.reason()).contains("100,000");
    }

    @Test
    void theDefaultToolsAreTheSixOfTheReport(@TempDir Path root) {
        List<ExternalTools.Tool> tools = ExternalTools.defaultTools(root, 2, 90_000);
        assertThat(tools).extracting(ExternalTools.Tool::name).containsExactly("factorlab", "gnu-factor", "gnu-parallel",
                "pari-gp", "python-sequential", "python-10-processes");
        assertThat(tools.get(0).command()).containsExactly(root.resolve("factorlab").toString(), "factor",
                "--model", "threads", "-j", "2");
        assertThat(tools.get(2).command()).contains("--pipe", "-j2", "factor");
        assertThat(tools).filteredOn(ExternalTools.Tool::seedSized).extracting(ExternalTools.Tool::name)
                .containsExactly("python-sequential", "python-10-processes");
        assertThat(ExternalTools.defaultTools(root, 1, 90_000).get(0).command()).endsWith("factor");
    }
}
