package org.factorlab.engine.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The syntax of a number as GNU {@code factor} accepts it: an optional single {@code +}, then one or
 * more ASCII digits; leading zeros are allowed. Anything else (a sign {@code -}, a decimal point, an
 * exponent, a hex prefix, non-ASCII digits, an empty string) is not a valid positive integer.
 *
 * <p>{@link #parseUnsigned} is the allocation-free fast path for values below 2^64.
 */
public final class NumberSyntax {
    /** Returned by {@link #parseUnsigned} when the token is not a valid number. */
    public static final int INVALID = -1;
    /** Returned by {@link #parseUnsigned} when the token is valid but does not fit 64 unsigned bits. */
    public static final int TOO_BIG = -2;
    /** Returned by {@link #parseUnsigned} when the value was stored in {@code out[0]}. */
    public static final int OK = 0;

    private NumberSyntax() {
    }

    /**
     * Parses {@code bytes[0..length)}.
     *
     * @param out receives the value (unsigned) in {@code out[0]} when the result is {@link #OK}
     * @return {@link #OK}, {@link #TOO_BIG} or {@link #INVALID}
     */
    public static int parseUnsigned(byte[] bytes, int length, long[] out) {
        int i = 0;
        if (length > 0 && bytes[0] == '+') {
            i = 1;
        }
        if (i == length) {
            return INVALID;
        }
        long value = 0;
        boolean overflow = false;
        for (; i < length; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            if (!overflow) {
                // value * 10 + d must stay below 2^64 (unsigned)
                long hi = Math.unsignedMultiplyHigh(value, 10L);
                long lo = value * 10L;
                long sum = lo + d;
                if (hi != 0 || Long.compareUnsigned(sum, lo) < 0) {
                    overflow = true;
                } else {
                    value = sum;
                }
            }
        }
        if (overflow) {
            return TOO_BIG;
        }
        out[0] = value;
        return OK;
    }

    /** Parses a token already known to be valid (see {@link #parseUnsigned}) into a BigInteger. */
    public static BigInteger parseBig(byte[] bytes, int length) {
        int start = bytes[0] == '+' ? 1 : 0;
        return new BigInteger(new String(bytes, start, length - start, StandardCharsets.US_ASCII));
    }

    /**
     * The token as it is quoted in an error message: between single quotes, with control characters
     * and bytes outside printable ASCII written as C escapes ({@code \r}, {@code \303}), so the message
     * stays one line of plain ASCII whatever the input held.
     */
    public static String quote(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder(length + 2).append('\'');
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case 0x07 -> sb.append("\\a");
                case 0x08 -> sb.append("\\b");
                case 0x0c -> sb.append("\\f");
                case 0x0a -> sb.append("\\n");
                case 0x0d -> sb.append("\\r");
                case 0x09 -> sb.append("\\t");
                case 0x0b -> sb.append("\\v");
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("'\\''");
                default -> {
                    if (b < 0x20 || b >= 0x7f) {
                        sb.append('\\').append((char) ('0' + (b >> 6)))
                                .append((char) ('0' + ((b >> 3) & 7))).append((char) ('0' + (b & 7)));
                    } else {
                        sb.append((char) b);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }
}
