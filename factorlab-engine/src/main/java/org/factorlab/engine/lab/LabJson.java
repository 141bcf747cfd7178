package org.factorlab.engine.lab;

import org.factorlab.engine.io.JsonString;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Writes a {@link LabResult} as one JSON object ({@code lab EXPERIMENT --json}); version 1. */
public final class LabJson {
    /** The version of the shape, written as {@code "v"}. */
    public static final int VERSION = 1;

    private LabJson() {
    }

    public static String write(LabResult r) {
        StringBuilder out = new StringBuilder();
        out.append("{\"v\":").append(VERSION).append(",\"experiment\":");
        value(out, r.experiment());
        out.append(",\"description\":");
        value(out, r.description());
        out.append(",\"tables\":[");
        for (int i = 0; i < r.tables().size(); i++) {
            LabTable t = r.tables().get(i);
            out.append(i > 0 ? "," : "").append("{\"title\":");
            value(out, t.title());
            out.append(",\"columns\":");
            value(out, t.columns());
            out.append(",\"rows\":");
            value(out, t.rows());
            out.append('}');
        }
        out.append("],\"conclusions\":");
        value(out, r.conclusions());
        out.append(",\"data\":");
        value(out, r.data());
        return out.append("}\n").toString();
    }

    private static void value(StringBuilder out, Object v) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            case Double d -> out.append(Double.isFinite(d) ? d.toString() : "null");
            case Float f -> out.append(Float.isFinite(f) ? f.toString() : "null");
            case Number n -> out.append(n);
            case Map<?, ?> m -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    string(out, String.valueOf(e.getKey()));
                    out.append(':');
                    value(out, e.getValue());
                }
                out.append('}');
            }
            case Collection<?> c -> {
                out.append('[');
                boolean first = true;
                for (Object o : c) {
                    out.append(first ? "" : ",");
                    first = false;
                    value(out, o);
                }
                out.append(']');
            }
            case Object o when o.getClass().isArray() && o instanceof Object[] a -> value(out, List.of(a));
            default -> string(out, v.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        JsonString.append(out, s);
    }
}
