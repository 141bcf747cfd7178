package org.factorlab.engine.io;

/** Writes a Java string as a JSON string literal (RFC 8259 escapes); the one place factorlab does it. */
public final class JsonString {
    private JsonString() {
    }

    /** Appends {@code s} to {@code out} in double quotes, escaping quotes, backslashes and control characters. */
    public static void append(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
