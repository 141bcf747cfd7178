package org.factorlab.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into tokens separated by blanks, in constant memory (apart from the longest
 * token), the way GNU {@code factor} reads its standard input.
 *
 * <p>Only space, tab and newline separate tokens — as in GNU {@code factor}, other control characters
 * such as {@code \r} or {@code \f} belong to the token (and so make it invalid). The reader buffers a
 * fixed block of input; a token may be of any length (its buffer grows to fit it).
 *
 * <p>Before the reader blocks for more input it runs the {@code beforeBlocking} action once: the
 * caller flushes its output there, so an interactive user sees each answer at once while a bulk pipe
 * still gets large writes.
 *
 * <p>Not thread-safe: one thread reads.
 */
public final class TokenReader {
    private static final int BLOCK = 1 << 16;

    private final InputStream in;
    private final Runnable beforeBlocking;
    private final byte[] block = new byte[BLOCK];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] token = new byte[64];
    private int length;

    public TokenReader(InputStream in, Runnable beforeBlocking) {
        this.in = in;
        this.beforeBlocking = beforeBlocking;
    }

    /**
     * Advances to the next token.
     *
     * @return false at the end of the input
     */
    public boolean next() throws IOException {
        length = 0;
        // skip separators
        while (true) {
            if (pos == limit && !fill()) {
                return false;
            }
            byte b = block[pos];
            if (!isSeparator(b)) {
                break;
            }
            pos++;
        }
        // collect the token
        while (true) {
            if (pos == limit && !fill()) {
                return true;
            }
            byte b = block[pos];
            if (isSeparator(b)) {
                return true;
            }
            if (length == token.length) {
                token = Arrays.copyOf(token, length * 2);
            }
            token[length++] = b;
            pos++;
        }
    }

    /**
     * Whether the next token (or the end of input) can be reached without waiting for more input:
     * the buffer holds a whole next token, or the stream has bytes ready.
     */
    public boolean ready() throws IOException {
        if (eof) {
            return true;
        }
        int i = pos;
        while (i < limit && isSeparator(block[i])) {
            i++;
        }
        if (i < limit) {
            while (i < limit && !isSeparator(block[i])) {
                i++;
            }
            if (i < limit) {
                return true;
            }
        }
        return in.available() > 0;
    }

    /** The bytes of the current token; valid until the next call of {@link #next()}. */
    public byte[] bytes() {
        return token;
    }

    /** The length of the current token. */
    public int length() {
        return length;
    }

    /** The current token as a string (for messages; allocates). */
    public String text() {
        return new String(token, 0, length, StandardCharsets.UTF_8);
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\n' || b == '\t';
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (in.available() <= 0) {
            beforeBlocking.run();
        }
        int n = in.read(block, 0, BLOCK);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
