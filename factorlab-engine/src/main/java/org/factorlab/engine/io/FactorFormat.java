package org.factorlab.engine.io;

import org.factorlab.core.Factorization;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * How a factorization is written: one line per number, the same bytes whichever command or model
 * produced it. Two entry points per format: the allocation-free fast path for unsigned 64-bit values
 * and the general path for a {@link Factorization}.
 *
 * <ul>
 *   <li>{@link #GNU}: {@code 12: 2 2 3}, byte-identical to GNU {@code factor}.</li>
 *   <li>{@link #EXPONENTS}: {@code 12: 2^2 3}, as GNU {@code factor --exponents} (coreutils 9.2+).</li>
 *   <li>{@link #LIST}: {@code [2, 2, 3]}, the seed program's Python list.</li>
 *   <li>{@link #JSON}: one JSON object per line, integers as decimal strings; see {@code docs/json.md}.</li>
 * </ul>
 */
public enum FactorFormat {
    GNU, EXPONENTS, LIST, JSON;

    /** The version of the JSON shape, written in every JSON line as {@code "v"}. */
    public static final int JSON_VERSION = 1;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes one line for {@code n} (unsigned) with factors {@code f[0..k)} (unsigned, ascending). */
    public void write(ByteOutput out, long n, long[] f, int k) throws IOException {
        switch (this) {
            case GNU -> {
                out.writeUnsigned(n).write((byte) ':');
                for (int i = 0; i < k; i++) {
                    out.write((byte) ' ').writeUnsigned(f[i]);
                }
            }
            case EXPONENTS -> {
                out.writeUnsigned(n).write((byte) ':');
                for (int i = 0; i < k; ) {
                    int j = i + 1;
                    while (j < k && f[j] == f[i]) {
                        j++;
                    }
                    out.write((byte) ' ').writeUnsigned(f[i]);
                    if (j - i > 1) {
                        out.write((byte) '^').writeUnsigned(j - i);
                    }
                    i = j;
                }
            }
            case LIST -> {
                out.write((byte) '[');
                for (int i = 0; i < k; i++) {
                    if (i > 0) {
                        out.write((byte) ',').write((byte) ' ');
                    }
                    out.writeUnsigned(f[i]);
                }
                out.write((byte) ']');
            }
            case JSON -> {
                out.write(Json.HEAD, 0, Json.HEAD.length);
                out.writeUnsigned(n).write(Json.MIDDLE, 0, Json.MIDDLE.length);
                for (int i = 0; i < k; i++) {
                    if (i > 0) {
                        out.write((byte) ',');
                    }
                    out.write((byte) '"').writeUnsigned(f[i]).write((byte) '"');
                }
                out.write((byte) ']').write((byte) '}');
            }
        }
        out.write((byte) '\n');
    }

    /** Writes one line for a factorization of any size. */
    public void write(ByteOutput out, Factorization fz) throws IOException {
        String number = fz.number().toString();
        List<BigInteger> f = fz.factors();
        switch (this) {
            case GNU -> {
                out.write(number).write((byte) ':');
                for (BigInteger p : f) {
                    out.write((byte) ' ').write(p.toString());
                }
            }
            case EXPONENTS -> {
                out.write(number).write((byte) ':');
                for (int i = 0; i < f.size(); ) {
                    int j = i + 1;
                    while (j < f.size() && f.get(j).equals(f.get(i))) {
                        j++;
                    }
                    out.write((byte) ' ').write(f.get(i).toString());
                    if (j - i > 1) {
                        out.write((byte) '^').writeUnsigned(j - i);
                    }
                    i = j;
                }
            }
            case LIST -> {
                out.write((byte) '[');
                for (int i = 0; i < f.size(); i++) {
                    if (i > 0) {
                        out.write((byte) ',').write((byte) ' ');
                    }
                    out.write(f.get(i).toString());
                }
                out.write((byte) ']');
            }
            case JSON -> {
                out.write(Json.HEAD, 0, Json.HEAD.length).write(number).write(Json.MIDDLE, 0, Json.MIDDLE.length);
                for (int i = 0; i < f.size(); i++) {
                    if (i > 0) {
                        out.write((byte) ',');
                    }
                    out.write((byte) '"').write(f.get(i).toString()).write((byte) '"');
                }
                out.write((byte) ']').write((byte) '}');
            }
        }
        out.write((byte) '\n');
    }

    /** The constant parts of a JSON line, encoded once. */
    private static final class Json {
        static final byte[] HEAD = ("{\"v\":" + JSON_VERSION + ",\"number\":\"").getBytes(StandardCharsets.US_ASCII);
        static final byte[] MIDDLE = "\",\"factors\":[".getBytes(StandardCharsets.US_ASCII);
    }
}
