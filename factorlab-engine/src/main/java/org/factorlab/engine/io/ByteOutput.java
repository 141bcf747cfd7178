package org.factorlab.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered byte writer with allocation-free decimal output of unsigned 64-bit values: the one way
 * factorlab writes result lines.
 *
 * <p>It exists because {@link java.io.PrintStream} swallows I/O errors (a closed pipe goes unnoticed
 * for many seconds) and formats numbers through strings. Here every write that reaches the underlying
 * stream may throw {@link IOException}, so a closed pipe ends the program at the next flush.
 *
 * <p>Not thread-safe: one thread writes.
 */
public final class ByteOutput implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buffer;
    private int count;

    public ByteOutput(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    public ByteOutput(OutputStream out) {
        this(out, 1 << 16);
    }

    public ByteOutput write(byte b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = b;
        return this;
    }

    public ByteOutput write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - count) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return this;
            }
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
        return this;
    }

    public ByteOutput write(String ascii) throws IOException {
        byte[] bytes = ascii.getBytes(StandardCharsets.UTF_8);
        return write(bytes, 0, bytes.length);
    }

    /** Writes {@code value}, read as unsigned, in decimal. */
    public ByteOutput writeUnsigned(long value) throws IOException {
        if (buffer.length - count < 20) {
            drain();
        }
        if (value >= 0 && value < 10) {
            buffer[count++] = (byte) ('0' + value);
            return this;
        }
        int digits = unsignedDigits(value);
        int end = count + digits;
        int p = end;
        if (value < 0) {
            // top bit set: one unsigned division brings it into the signed range
            long q = Long.divideUnsigned(value, 10);
            buffer[--p] = (byte) ('0' + (value - q * 10));
            value = q;
        }
        // two digits per division (a multiplication after the JIT) from a table of "00".."99"
        while (value >= 100) {
            long q = value / 100;
            int r = (int) (value - q * 100) << 1;
            buffer[--p] = DIGIT_PAIRS[r + 1];
            buffer[--p] = DIGIT_PAIRS[r];
            value = q;
        }
        if (value >= 10) {
            int r = (int) value << 1;
            buffer[--p] = DIGIT_PAIRS[r + 1];
            buffer[--p] = DIGIT_PAIRS[r];
        } else {
            buffer[--p] = (byte) ('0' + value);
        }
        count = end;
        return this;
    }

    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private static int unsignedDigits(long value) {
        if (value < 0) {
            return Long.compareUnsigned(value, -8446744073709551616L) >= 0 ? 20 : 19;
        }
        int d = 1;
        long limit = 10;
        while (d < 19 && value >= limit) {
            d++;
            limit *= 10;
        }
        return d;
    }

    /** Writes the buffered bytes to the stream and flushes it. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0;
            out.write(buffer, 0, n);
        }
    }

    /** Flushes; does not close the underlying stream (it is usually standard output). */
    @Override
    public void close() throws IOException {
        flush();
    }
}
