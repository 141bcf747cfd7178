package org.factorlab.engine.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TokenReaderTest {
    private static List<String> tokens(InputStream in) throws IOException {
        TokenReader r = new TokenReader(in, () -> { });
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.text());
        }
        return out;
    }

    private static List<String> tokens(String s) throws IOException {
        return tokens(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void splitsOnSpaceTabAndNewlineOnly() throws IOException {
        assertThat(tokens("  12  +0013 abc\n 7\t8\n\n")).containsExactly("12", "+0013", "abc", "7", "8");
        // GNU factor keeps \r, \v and \f inside the token
        assertThat(tokens("13\u000b14\f15\r16\n")).containsExactly("13\u000b14\f15\r16");
        assertThat(tokens("")).isEmpty();
        assertThat(tokens(" \n\t ")).isEmpty();
    }

    @Test
    void readsTokensLongerThanItsBlockAndAcrossReads() throws IOException {
        String big = "9".repeat(200_000);
        // a stream that hands out at most 7 bytes a read splits tokens across reads
        InputStream trickle = new ByteArrayInputStream(("1 " + big + " 23").getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        assertThat(tokens(trickle)).containsExactly("1", big, "23");
    }

    @Test
    void runsTheFlushActionOnlyWhenInputWouldBlock() throws IOException {
        AtomicInteger flushes = new AtomicInteger();
        // ByteArrayInputStream always reports what is available, so only the final read finds nothing
        TokenReader r = new TokenReader(new ByteArrayInputStream("1 2 3\n".getBytes(StandardCharsets.US_ASCII)),
                flushes::incrementAndGet);
        int n = 0;
        while (r.next()) {
            n++;
        }
        assertThat(n).isEqualTo(3);
        assertThat(flushes.get()).isEqualTo(1);
    }
}
