package org.factorlab.engine.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BenchReport}'s samples as CSV (RFC 4180), one row per measured repetition, for a
 * spreadsheet, pandas or R: {@code factorlab bench --csv FILE}.
 *
 * <p>Columns: {@value #HEADER}. {@code repetition} counts from 1 within a configuration; times are
 * seconds, the raw ones with all nine decimals of their nanoseconds; the summary columns repeat the
 * configuration's {@link Measurement#wall()}, speed-up and efficiency on each of its rows, so that every
 * row stands alone. An unknown value (a -1 from {@link Sample}, NaN, no summary) is an empty cell.
 * Numbers never use exponent notation. Fields holding a comma, a double quote or a line break are quoted,
 * quotes doubled; lines end with CRLF. External tools ({@link BenchReport#external()}) are not included:
 * they have no per-sample measurements beyond wall time, and the JSON export holds them.
 *
 * <p>Stateless and thread-safe.
 */
public final class BenchCsv {
    static final String HEADER = "workload,model,workers,repetition,wall_s,cpu_s,gc_s,peak_heap_bytes,count,verified,"
            + "median_s,min_s,max_s,mad_s,ci_low_s,ci_high_s,speedup,efficiency";
    private static final String EOL = "\r\n";

    private BenchCsv() {
    }

    /** The header and one row per sample of every measurement, in the report's order. */
    public static String write(BenchReport report) {
        StringBuilder out = new StringBuilder(HEADER).append(EOL);
        for (Measurement m : report.measurements()) {
            for (int i = 0; i < m.samples().size(); i++) {
                Sample s = m.samples().get(i);
                Summary w = m.wall();
                List<String> row = List.of(field(m.workload()), field(m.model()), Integer.toString(m.workers()),
                        Integer.toString(i + 1), seconds(s.wallNanos()), seconds(s.cpuNanos()), seconds(s.gcNanos()),
                        known(s.peakHeapBytes()), known(s.count()), Boolean.toString(s.verified()),
                        w == null ? "" : number(w.median()), w == null ? "" : number(w.min()),
                        w == null ? "" : number(w.max()), w == null ? "" : number(w.mad()),
                        w == null ? "" : number(w.ciLow()), w == null ? "" : number(w.ciHigh()),
                        number(m.speedup()), number(m.efficiency()));
                out.append(String.join(",", row)).append(EOL);
            }
        }
        return out.toString();
    }

    /**
     * The rows of {@code csv} (RFC 4180, CRLF or LF line ends) as maps from the header's names to the
     * cells' text, in column order.
     *
     * @throws IllegalArgumentException if there is no header, a quote is misplaced or unterminated, or a
     *                                  row's cell count differs from the header's (the message names the line or record)
     */
    public static List<Map<String, String>> read(String csv) {
        List<List<String>> records = parse(csv);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("CSV has no header row");
        }
        List<String> header = records.getFirst();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("CSV record " + (r + 1) + " has " + cells.size()
                        + " fields, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code value} as one CSV field: quoted, with quotes doubled, if it holds a comma, quote or line break. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Nanoseconds as seconds with nine decimals (exact); empty for the -1 of "unknown". */
    private static String seconds(long nanos) {
        return nanos < 0 ? "" : BigDecimal.valueOf(nanos, 9).toPlainString();
    }

    private static String known(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    /** The shortest decimal that reads back as the same double, without exponent; empty for NaN and infinities. */
    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : "";
    }

    /** RFC 4180 records; a final line end does not start an empty record. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean fieldStarted = false; // the current field has a character or a quoted part
        int line = 1;
        int i = 0;
        int n = csv.length();
        while (i < n) {
            char c = csv.charAt(i);
            if (c == '"') {
                if (fieldStarted) {
                    throw new IllegalArgumentException("CSV line " + line + ": quote inside an unquoted field");
                }
                fieldStarted = true;
                // A quoted field runs to the quote not followed by another; "" inside it is one quote.
                int opened = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("CSV line " + opened + ": unterminated quoted field");
                    }
                    char q = csv.charAt(i++);
                    if (q == '"' && i < n && csv.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else if (q == '"') {
                        break;
                    } else {
                        line += q == '\n' ? 1 : 0;
                        cell.append(q);
                    }
                }
                if (i < n && csv.charAt(i) != ',' && csv.charAt(i) != '\r' && csv.charAt(i) != '\n') {
                    throw new IllegalArgumentException("CSV line " + line + ": text after a closing quote");
                }
            } else if (c == ',') {
                record.add(take(cell));
                fieldStarted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                record.add(take(cell));
                records.add(record);
                record = new ArrayList<>();
                fieldStarted = false;
                i += c == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
            } else {
                cell.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(take(cell));
            records.add(record);
        }
        return records;
    }

    private static String take(StringBuilder cell) {
        String s = cell.toString();
        cell.setLength(0);
        return s;
    }
}
