package org.factorlab.engine.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchJsonTest {

    /** Two measurements of three samples each, one external tool timed and one skipped; shared by the export tests. */
    static BenchReport report() {
        MachineInfo machine = new MachineInfo("Intel(R) Xeon(R) \"Gold\" 6148", 2, 25_769_803_776L,
                "25+36-LTS (OpenJDK 64-Bit Server VM)", List.of("-Xmx1g", "-Dfactorlab.tty=false"),
                "Linux 6.1 amd64", "d4d79d2");
        Measurement sequential = new Measurement("cpu", "sequential", 1,
                List.of(new Sample(123_456_789L, 120_000_000L, 1_000_000L, 64L << 20, 10_000, true),
                        new Sample(130_000_001L, 125_000_000L, -1, 70L << 20, 10_000, true),
                        new Sample(119_999_999L, -1, 0, -1, 10_000, true)),
                Summary.of(0.123456789, 0.130000001, 0.119999999), 1.0, 1.0, Map.of());
        Measurement threads = new Measurement("cpu", "threads", 2,
                List.of(new Sample(70_000_000L, 135_000_000L, 2_000_000L, 80L << 20, 10_000, true),
                        new Sample(65_432_100L, 128_000_000L, 0, 81L << 20, 10_000, false),
                        new Sample(9_007_199_254_740_992L, 1, 2, 3, 4, true)),
                Summary.of(0.07, 0.0654321, 9_007_199.254740992), 0.1 + 0.2, 1e-7,
                Map.of("queue_peak", "12", "note", "tab\there, \"quoted\", back\\slash, é, \u0001"));
        ExternalMeasurement gnu = new ExternalMeasurement("gnu-factor", "factor < /tmp/in put.txt", "ok", "",
                List.of(0.031, 0.029, 0.0305), Summary.of(0.031, 0.029, 0.0305), 0.30500000000000005);
        ExternalMeasurement pari = new ExternalMeasurement("pari-gp", "gp -q -f", "skipped", "gp not found on PATH",
                List.of(), null, Double.NaN);
        return new BenchReport(BenchReport.VERSION, "factorlab bench --workload cpu --workers 1,2 --label \"a, b\"",
                "2026-11-24T10:15:30Z", machine, List.of(sequential, threads), List.of(gnu, pari));
    }

    @Test
    void roundTripGivesTheSameReport() {
        BenchReport original = report();
        String json = BenchJson.write(original);
        assertThat(BenchJson.read(json)).isEqualTo(original);
        assertThat(BenchJson.write(BenchJson.read(json))).isEqualTo(json);
    }

    @Test
    void writesEveryRawSampleAndNaNAsNull() {
        String json = BenchJson.write(report());
        assertThat(json).contains("\"wallNanos\": 123456789", "\"wallNanos\": 65432100", "\"wallNanos\": 119999999");
        assertThat(json).contains("\"wall\": null", "\"ratio\": null").doesNotContain("NaN");
        assertThat(json).contains("\\u0001").contains("\\\"Gold\\\"");
    }

    @Test
    void nonFiniteValuesAreReadBackAsNaN() {
        BenchReport original = report();
        Measurement m = original.measurements().getFirst();
        Measurement infinite = new Measurement(m.workload(), m.model(), m.workers(), m.samples(), m.wall(),
                Double.POSITIVE_INFINITY, Double.NaN, m.details());
        BenchReport withInfinity = new BenchReport(original.version(), original.command(), original.started(),
                original.machine(), List.of(infinite), List.of());
        Measurement read = BenchJson.read(BenchJson.write(withInfinity)).measurements().getFirst();
        assertThat(read.speedup()).isNaN();
        assertThat(read.efficiency()).isNaN();
    }

    @Test
    void rejectsAnotherVersion() {
        String json = BenchJson.write(report()).replaceFirst("\"version\": 1,", "\"version\": 2,");
        assertThatThrownBy(() -> BenchJson.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2")
                .hasMessageContaining("reads version 1");
        assertThatThrownBy(() -> BenchJson.read("{\"command\": \"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version (none)");
    }

    @Test
    void rejectsAMissingOrMistypedFieldNamingIt() {
        String json = BenchJson.write(report());
        assertThatThrownBy(() -> BenchJson.read(json.replaceFirst("\"workers\": 2", "\"workers\": \"2\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("measurements[1].workers");
        assertThatThrownBy(() -> BenchJson.read(json.replaceFirst("\"wallNanos\": 123456789", "\"wallNanos\": 1.5")))
                .hasMessageContaining("measurements[0].samples[0].wallNanos");
        assertThatThrownBy(() -> BenchJson.read(json.replaceFirst("\"started\"", "\"begun\"")))
                .hasMessageContaining("missing field started");
        assertThatThrownBy(() -> BenchJson.read("[]")).hasMessageContaining("should be an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "[1 2]", "{a:1}",
            "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "01", "1.", ".5", "-", "1e", "+1",
            "tru", "nul", "NaN", "{} {}", "[1]]", "{\"a\":1,\"a\":2}", "'a'"})
    void rejectsMalformedJsonNamingThePosition(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed JSON at position ");
        assertThatThrownBy(() -> BenchJson.read(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorPositionIsWhereTheInputGoesWrong() {
        assertThatThrownBy(() -> JsonReader.parse("[1, 2, x]")).hasMessageStartingWith("malformed JSON at position 7:");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\": 1 \"b\"}")).hasMessageStartingWith("malformed JSON at position 8:");
    }

    @Test
    void rejectsNestingTooDeepWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JsonReader.parse(deep)).hasMessageContaining("nested deeper than");
    }

    @Test
    void readsEveryKindOfValue() {
        Object value = JsonReader.parse(" {\"s\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\uD83D\\uDE00\", "
                + "\"n\": [0, -1, 2.5, 1e3, -4.5E-2, 12345678901234], \"t\": true, \"f\": false, \"z\": null, "
                + "\"o\": {}, \"a\": []}\n");
        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(map.get("s")).isEqualTo("q\" b\\ s/ \b\f\n\r\t é \uD83D\uDE00");
        assertThat(map.get("n")).isEqualTo(List.of(0.0, -1.0, 2.5, 1000.0, -0.045, 12345678901234.0));
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("f")).isEqualTo(false);
        assertThat(map.containsKey("z")).isTrue();
        assertThat(map.get("z")).isNull();
        assertThat(map.get("o")).isEqualTo(Map.of());
        assertThat(map.get("a")).isEqualTo(List.of());
        assertThat(map.keySet().stream().map(Object::toString).toList()).containsExactly("s", "n", "t", "f", "z", "o", "a");
    }
}
