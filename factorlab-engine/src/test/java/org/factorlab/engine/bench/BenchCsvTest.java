package org.factorlab.engine.bench;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCsvTest {

    @Test
    void writesAHeaderAndOneRowPerSample() {
        String csv = BenchCsv.write(BenchJsonTest.report());
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("workload,model,workers,repetition,wall_s,cpu_s,gc_s,peak_heap_bytes,count,"
                + "verified,median_s,min_s,max_s,mad_s,ci_low_s,ci_high_s,speedup,efficiency");
        assertThat(lines).hasSize(1 + 6 + 1); // header, 2 x 3 samples, and the empty string after the last CRLF
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(lines[1]).startsWith("cpu,sequential,1,1,0.123456789,0.120000000,0.001000000,67108864,10000,true,");
    }

    @Test
    void roundTripKeepsEveryValue() {
        BenchReport report = BenchJsonTest.report();
        List<Map<String, String>> rows = BenchCsv.read(BenchCsv.write(report));
        assertThat(rows).hasSize(6);
        int r = 0;
        for (Measurement m : report.measurements()) {
            for (int i = 0; i < m.samples().size(); i++, r++) {
                Map<String, String> row = rows.get(r);
                Sample s = m.samples().get(i);
                assertThat(row.get("workload")).isEqualTo(m.workload());
                assertThat(row.get("model")).isEqualTo(m.model());
                assertThat(Integer.parseInt(row.get("workers"))).isEqualTo(m.workers());
                assertThat(Integer.parseInt(row.get("repetition"))).isEqualTo(i + 1);
                assertThat(nanos(row.get("wall_s"))).isEqualTo(s.wallNanos());
                assertThat(nanos(row.get("cpu_s"))).isEqualTo(s.cpuNanos());
                assertThat(nanos(row.get("gc_s"))).isEqualTo(s.gcNanos());
                assertThat(integer(row.get("peak_heap_bytes"))).isEqualTo(s.peakHeapBytes());
                assertThat(integer(row.get("count"))).isEqualTo(s.count());
                assertThat(Boolean.parseBoolean(row.get("verified"))).isEqualTo(s.verified());
                Summary w = m.wall();
                assertThat(Double.parseDouble(row.get("median_s"))).isEqualTo(w.median());
                assertThat(Double.parseDouble(row.get("min_s"))).isEqualTo(w.min());
                assertThat(Double.parseDouble(row.get("max_s"))).isEqualTo(w.max());
                assertThat(Double.parseDouble(row.get("mad_s"))).isEqualTo(w.mad());
                assertThat(Double.parseDouble(row.get("ci_low_s"))).isEqualTo(w.ciLow());
                assertThat(Double.parseDouble(row.get("ci_high_s"))).isEqualTo(w.ciHigh());
                assertThat(Double.parseDouble(row.get("speedup"))).isEqualTo(m.speedup());
                assertThat(Double.parseDouble(row.get("efficiency"))).isEqualTo(m.efficiency());
            }
        }
    }

    @Test
    void numbersNeverUseExponentNotation() {
        // efficiency 1e-7 and the 2^53-nanosecond sample would print as 1.0E-7 and 9.007...E15 with Double.toString
        assertThat(BenchCsv.write(BenchJsonTest.report())).doesNotContain("E").contains("0.0000001");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        String command = "factorlab bench --label \"a, b\" --workers 1,2";
        assertThat(BenchCsv.field(command)).isEqualTo("\"factorlab bench --label \"\"a, b\"\" --workers 1,2\"");
        assertThat(BenchCsv.field("plain")).isEqualTo("plain");
        assertThat(BenchCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");

        Measurement m = BenchJsonTest.report().measurements().getFirst();
        Measurement named = new Measurement(command, "line\r\nbreak", m.workers(), m.samples(), m.wall(),
                m.speedup(), m.efficiency(), m.details());
        BenchReport report = new BenchReport(BenchReport.VERSION, command, "now", null, List.of(named), List.of());
        List<Map<String, String>> rows = BenchCsv.read(BenchCsv.write(report));
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("workload")).isEqualTo(command);
            assertThat(row.get("model")).isEqualTo("line\r\nbreak");
            assertThat(row).hasSize(18);
        });
    }

    @Test
    void readsLfLineEndsAndEmptyQuotedFields() {
        assertThat(BenchCsv.read("a,b,c\n1,\"\",3\n\"x\"\"y\",,\n"))
                .containsExactly(Map.of("a", "1", "b", "", "c", "3"), Map.of("a", "x\"y", "b", "", "c", ""));
    }

    @Test
    void rejectsMalformedCsvNamingTheLine() {
        assertThatThrownBy(() -> BenchCsv.read("")).hasMessageContaining("no header");
        assertThatThrownBy(() -> BenchCsv.read("a,b\n1,2,3\n")).hasMessageContaining("record 2");
        assertThatThrownBy(() -> BenchCsv.read("a,b\n1,\"2\n")).hasMessageContaining("line 2: unterminated");
        assertThatThrownBy(() -> BenchCsv.read("a,b\n1,x\"y\n")).hasMessageContaining("line 2: quote inside");
        assertThatThrownBy(() -> BenchCsv.read("a,b\n1,\"x\"y\n")).hasMessageContaining("line 2: text after");
    }

    /** Seconds with nine decimals back to nanoseconds; an empty cell is the -1 of "unknown". */
    private static long nanos(String seconds) {
        return seconds.isEmpty() ? -1 : new BigDecimal(seconds).movePointRight(9).longValueExact();
    }

    private static long integer(String cell) {
        return cell.isEmpty() ? -1 : Long.parseLong(cell);
    }
}
