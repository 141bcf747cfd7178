package org.factorlab.engine.bench;

import org.factorlab.engine.io.JsonString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link BenchReport} as one JSON object, and back: {@code factorlab bench --json FILE} writes it and
 * {@code --baseline FILE} reads it.
 *
 * <p>The shape follows the records one to one, field names being the record components':
 * <pre>{@code
 * {"version": 1, "command": "...", "started": "2026-11-24T10:00:00Z",
 *  "machine": {"cpuModel": ..., "cores": 2, "memoryBytes": ..., "jdk": ..., "jvmFlags": [...], "os": ..., "gitCommit": ...},
 *  "measurements": [{"workload": "cpu", "model": "threads", "workers": 2,
 *                    "samples": [{"wallNanos": ..., "cpuNanos": ..., "gcNanos": ..., "peakHeapBytes": ..., "count": ..., "verified": true}],
 *                    "wall": {"n": 3, "median": 0.12, "min": ..., "max": ..., "mad": ..., "ciLow": ..., "ciHigh": ...},
 *                    "speedup": 1.9, "efficiency": 0.95, "details": {...}}],
 *  "external": [{"tool": ..., "command": ..., "status": "ok", "reason": "", "seconds": [...], "wall": {...} or null, "ratio": 1.2}]}
 * }</pre>
 * Every raw sample is written, not only the summaries, so a later tool can recompute anything.
 * Doubles are written with {@link Double#toString} and read with {@link Double#parseDouble}, which gives
 * back the same double; NaN and the infinities, which JSON cannot hold, are written as {@code null} and
 * read back as NaN. Integers (nanoseconds, bytes, counts) are JSON numbers, exact up to 2^53 (104 days
 * of nanoseconds); {@link #read} rejects one it cannot hold exactly rather than round it.
 *
 * <p>{@link #read} checks {@code version} against {@link BenchReport#VERSION} first and ignores fields it
 * does not know. Both methods are stateless and thread-safe.
 */
public final class BenchJson {
    private BenchJson() {
    }

    /** {@code report} as pretty-printed JSON (two-space indent; objects and arrays of plain values on one line). */
    public static String write(BenchReport report) {
        StringBuilder out = new StringBuilder();
        emit(out, tree(report), 0);
        return out.append('\n').toString();
    }

    /**
     * The report in {@code json}, as {@link #write} wrote it.
     *
     * @throws IllegalArgumentException if it is not JSON, is of another version, or lacks or mistypes a field
     *                                  (the message names the field, e.g. {@code measurements[1].workers})
     */
    public static BenchReport read(String json) {
        Fields root = Fields.of(JsonReader.parse(json), "the report");
        Object version = root.map.get("version");
        if (!(version instanceof Double v) || v != BenchReport.VERSION) {
            throw new IllegalArgumentException("unsupported bench report version "
                    + (version == null ? "(none)" : BenchJson.formatVersion(version))
                    + ": this factorlab reads version " + BenchReport.VERSION);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Fields m : root.objects("measurements")) {
            measurements.add(measurement(m));
        }
        List<ExternalMeasurement> external = new ArrayList<>();
        for (Fields e : root.objects("external")) {
            external.add(external(e));
        }
        return new BenchReport(BenchReport.VERSION, root.string("command"), root.string("started"),
                root.isNull("machine") ? null : machine(root.object("machine")), measurements, external);
    }

    private static String formatVersion(Object version) {
        return switch (version) {
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            case String s -> '"' + s + '"';
            default -> String.valueOf(version);
        };
    }

    // ---- writing: the report as a tree of maps, lists and values, then the tree as text ----

    private static Map<String, Object> tree(BenchReport r) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", r.version());
        t.put("command", r.command());
        t.put("started", r.started());
        t.put("machine", r.machine() == null ? null : tree(r.machine()));
        t.put("measurements", r.measurements().stream().map(BenchJson::tree).toList());
        t.put("external", r.external().stream().map(BenchJson::tree).toList());
        return t;
    }

    private static Map<String, Object> tree(MachineInfo m) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("cpuModel", m.cpuModel());
        t.put("cores", m.cores());
        t.put("memoryBytes", m.memoryBytes());
        t.put("jdk", m.jdk());
        t.put("jvmFlags", m.jvmFlags());
        t.put("os", m.os());
        t.put("gitCommit", m.gitCommit());
        return t;
    }

    private static Map<String, Object> tree(Measurement m) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("workload", m.workload());
        t.put("model", m.model());
        t.put("workers", m.workers());
        t.put("samples", m.samples().stream().map(BenchJson::tree).toList());
        t.put("wall", tree(m.wall()));
        t.put("speedup", m.speedup());
        t.put("efficiency", m.efficiency());
        t.put("details", new TreeMap<>(m.details())); // sorted: the same report always gives the same text
        return t;
    }

    private static Map<String, Object> tree(Sample s) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("wallNanos", s.wallNanos());
        t.put("cpuNanos", s.cpuNanos());
        t.put("gcNanos", s.gcNanos());
        t.put("peakHeapBytes", s.peakHeapBytes());
        t.put("count", s.count());
        t.put("verified", s.verified());
        return t;
    }

    private static Map<String, Object> tree(Summary s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("n", s.n());
        t.put("median", s.median());
        t.put("min", s.min());
        t.put("max", s.max());
        t.put("mad", s.mad());
        t.put("ciLow", s.ciLow());
        t.put("ciHigh", s.ciHigh());
        return t;
    }

    private static Map<String, Object> tree(ExternalMeasurement e) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("tool", e.tool());
        t.put("command", e.command());
        t.put("status", e.status());
        t.put("reason", e.reason());
        t.put("seconds", e.seconds());
        t.put("wall", tree(e.wall()));
        t.put("ratio", e.ratio());
        return t;
    }

    /** Writes {@code value}; a map or list holding only plain values goes on one line, others one entry a line. */
    private static void emit(StringBuilder out, Object value, int indent) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Double d -> out.append(Double.isFinite(d) ? Double.toString(d) : "null");
            case Number n -> out.append(n); // Integer, Long
            case Boolean b -> out.append(b);
            case Map<?, ?> map -> {
                boolean flat = map.values().stream().allMatch(BenchJson::plain);
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(separator);
                    newline(out, flat, indent + 1);
                    string(out, (String) e.getKey());
                    out.append(": ");
                    emit(out, e.getValue(), indent + 1);
                    separator = ",";
                }
                if (!map.isEmpty()) {
                    newline(out, flat, indent);
                }
                out.append('}');
            }
            case List<?> list -> {
                boolean flat = list.stream().allMatch(BenchJson::plain);
                out.append('[');
                String separator = "";
                for (Object element : list) {
                    out.append(separator);
                    newline(out, flat, indent + 1);
                    emit(out, element, indent + 1);
                    separator = ",";
                }
                if (!list.isEmpty()) {
                    newline(out, flat, indent);
                }
                out.append(']');
            }
            default -> throw new IllegalStateException("cannot write " + value.getClass());
        }
    }

    private static boolean plain(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    /** Before an entry or a closing bracket: a new indented line, or (on a flat line) a space between entries. */
    private static void newline(StringBuilder out, boolean flat, int indent) {
        if (flat) {
            char last = out.charAt(out.length() - 1);
            if (last == ',') {
                out.append(' ');
            }
        } else {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    private static void string(StringBuilder out, String s) {
        JsonString.append(out, s);
    }

    // ---- reading: the parsed tree back into records ----

    private static Measurement measurement(Fields m) {
        List<Sample> samples = new ArrayList<>();
        for (Fields s : m.objects("samples")) {
            samples.add(new Sample(s.longValue("wallNanos"), s.longValue("cpuNanos"), s.longValue("gcNanos"),
                    s.longValue("peakHeapBytes"), s.longValue("count"), s.bool("verified")));
        }
        Map<String, String> details = new LinkedHashMap<>();
        Fields d = m.object("details");
        for (Object key : d.map.keySet()) {
            details.put((String) key, Fields.cast(d.map.get(key), String.class, d.where((String) key), "a string"));
        }
        return new Measurement(m.string("workload"), m.string("model"), m.intValue("workers"), samples,
                summary(m, "wall"), m.number("speedup"), m.number("efficiency"), details);
    }

    private static ExternalMeasurement external(Fields e) {
        return new ExternalMeasurement(e.string("tool"), e.string("command"), e.string("status"), e.string("reason"),
                e.numbers("seconds"), summary(e, "wall"), e.number("ratio"));
    }

    private static Summary summary(Fields parent, String name) {
        if (parent.isNull(name)) {
            return null;
        }
        Fields s = parent.object(name);
        return new Summary(s.intValue("n"), s.number("median"), s.number("min"), s.number("max"), s.number("mad"),
                s.number("ciLow"), s.number("ciHigh"));
    }

    private static MachineInfo machine(Fields m) {
        List<String> flags = new ArrayList<>();
        List<?> raw = m.list("jvmFlags");
        for (int i = 0; i < raw.size(); i++) {
            flags.add(Fields.cast(raw.get(i), String.class, m.path + ".jvmFlags[" + i + "]", "a string"));
        }
        return new MachineInfo(m.string("cpuModel"), m.intValue("cores"), m.longValue("memoryBytes"), m.string("jdk"),
                flags, m.string("os"), m.string("gitCommit"));
    }

    /** One parsed JSON object with its path in the document, so that every error names the field. */
    private record Fields(Map<?, ?> map, String path) {
        private static final double TWO_TO_53 = 9007199254740992.0;

        static Fields of(Object value, String path) {
            return new Fields(cast(value, Map.class, path, "an object"), path);
        }

        boolean isNull(String name) {
            return map.containsKey(name) && map.get(name) == null;
        }

        private Object required(String name) {
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException("bench report: missing field " + where(name));
            }
            return map.get(name);
        }

        /** A string, or null when the field is JSON null (records accept null strings). */
        String string(String name) {
            Object value = required(name);
            return value == null ? null : cast(value, String.class, where(name), "a string");
        }

        boolean bool(String name) {
            return cast(required(name), Boolean.class, where(name), "true or false");
        }

        /** A double; JSON null stands for NaN (how non-finite values are written). */
        double number(String name) {
            Object value = required(name);
            return value == null ? Double.NaN : cast(value, Double.class, where(name), "a number");
        }

        long longValue(String name) {
            double d = cast(required(name), Double.class, where(name), "a number");
            if (d != Math.rint(d) || Math.abs(d) > TWO_TO_53) {
                throw new IllegalArgumentException("bench report: " + where(name) + " is " + d
                        + ", not an integer of at most 2^53");
            }
            return (long) d;
        }

        int intValue(String name) {
            long v = longValue(name);
            if (v != (int) v) {
                throw new IllegalArgumentException("bench report: " + where(name) + " is " + v + ", too large");
            }
            return (int) v;
        }

        Fields object(String name) {
            return Fields.of(required(name), where(name));
        }

        List<?> list(String name) {
            return cast(required(name), List.class, where(name), "an array");
        }

        List<Fields> objects(String name) {
            List<?> raw = list(name);
            List<Fields> result = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                result.add(Fields.of(raw.get(i), where(name) + "[" + i + "]"));
            }
            return result;
        }

        List<Double> numbers(String name) {
            List<?> raw = list(name);
            List<Double> result = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                Object value = raw.get(i);
                result.add(value == null ? Double.NaN
                        : cast(value, Double.class, where(name) + "[" + i + "]", "a number"));
            }
            return result;
        }

        private String where(String name) {
            return path.equals("the report") ? name : path + "." + name;
        }

        static <T> T cast(Object value, Class<T> type, String where, String expected) {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("bench report: " + where + " should be " + expected + ", not "
                        + describe(value));
            }
            return type.cast(value);
        }

        private static String describe(Object value) {
            return switch (value) {
                case null -> "null";
                case String s -> "a string";
                case Double d -> "a number";
                case Boolean b -> "a boolean";
                case Map<?, ?> m -> "an object";
                case List<?> l -> "an array";
                default -> value.getClass().getSimpleName();
            };
        }
    }
}
