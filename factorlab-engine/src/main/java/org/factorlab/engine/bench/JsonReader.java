package org.factorlab.engine.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of one JSON text (RFC 8259) into plain Java values: an object becomes a
 * {@code Map<String, Object>} (in document order), an array a {@code List<Object>}, a string a
 * {@code String}, a number a {@code Double}, {@code true}/{@code false} a {@code Boolean}, and
 * {@code null} a Java {@code null}.
 *
 * <p>It reads only what {@link BenchJson} needs to read back, but all of JSON, and it accepts nothing
 * else: no comments, trailing commas, single quotes, leading zeros, raw control characters in strings,
 * duplicate keys or text after the value. Every rejection is an {@link IllegalArgumentException} whose
 * message names the 0-based character position. Numbers are held as doubles, so integers are exact up to
 * 2^53. Nesting deeper than {@value #MAX_DEPTH} is rejected rather than overflowing the stack.
 *
 * <p>Not thread-safe; each {@link #parse} call uses its own instance.
 */
final class JsonReader {
    static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value of the JSON text {@code json}; IllegalArgumentException if it is not exactly one JSON value. */
    static Object parse(String json) {
        JsonReader reader = new JsonReader(json);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos < json.length()) {
            throw reader.error("unexpected " + reader.describeNext() + " after the value");
        }
        return value;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("expected a value, got the end of the input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value, got " + describeNext());
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, got " + describeNext());
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (map.containsKey(key)) {
                throw new IllegalArgumentException("malformed JSON at position " + keyStart + ": duplicate key \""
                        + key + "\"");
            }
            map.put(key, value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                depth--;
                return Collections.unmodifiableMap(map);
            } else {
                throw error("expected ',' or '}', got " + describeNext());
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                depth--;
                return Collections.unmodifiableList(list);
            } else {
                throw error("expected ',' or ']', got " + describeNext());
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            } else if (c == '\\') {
                sb.append(escape());
            } else if (c < 0x20) {
                throw error(String.format("raw control character U+%04X in a string (write it as an escape)", (int) c));
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    /** The character of the escape sequence at {@code pos} (a backslash), leaving pos after it. */
    private char escape() {
        if (pos + 1 >= text.length()) {
            throw error("unterminated escape sequence");
        }
        char e = text.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> {
                pos -= 2;
                throw error("invalid escape sequence \\" + e);
            }
        };
    }

    /** The four hex digits of a \\u escape, pos just after the 'u'. Surrogate halves pass through as they are. */
    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            pos -= 2;
            throw error("\\u needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                pos -= 2;
                throw error("\\u needs four hex digits");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    /** A number by RFC 8259's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else {
            digits(start);
        }
        if (peek() == '.') {
            pos++;
            digits(start);
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits(start);
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private void digits(int numberStart) {
        if (!isDigit(peek())) {
            throw error("malformed number " + quote(text.substring(numberStart, Math.min(pos + 1, text.length()))));
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word + ", got " + describeNext());
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', got " + describeNext());
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The next character, or 0 at the end (never valid where a specific character is expected). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "the end of the input";
        }
        char c = text.charAt(pos);
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at position " + pos + ": " + what);
    }
}
