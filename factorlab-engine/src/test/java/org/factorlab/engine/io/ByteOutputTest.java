package org.factorlab.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ByteOutputTest {

    /** Edge values: powers of ten and their neighbours, the unsigned extremes. */
    static LongStream values() {
        LongStream.Builder b = LongStream.builder();
        long p = 1;
        for (int i = 0; i < 19; i++) {
            b.add(p - 1).add(p).add(p + 1);
            p *= 10;
        }
        b.add(0).add(-1).add(Long.MAX_VALUE).add(Long.MIN_VALUE).add(-8446744073709551616L).add(-8446744073709551617L);
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("values")
    void writesUnsignedDecimalLikeTheJdk(long value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteOutput out = new ByteOutput(bytes, 64);
        out.writeUnsigned(value).write((byte) '\n');
        out.flush();
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(Long.toUnsignedString(value) + "\n");
    }

    @Test
    void seededRandomValuesOfEveryLength() throws IOException {
        SplittableRandom random = new SplittableRandom(20261126);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteOutput out = new ByteOutput(bytes, 4096);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >>> random.nextInt(64);
            out.writeUnsigned(v).write((byte) '\n');
            expected.append(Long.toUnsignedString(v)).append('\n');
        }
        out.flush();
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void manyNumbersAcrossBufferBoundaries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteOutput out = new ByteOutput(bytes, 32);
        StringBuilder expected = new StringBuilder();
        for (long v = 0; v < 5000; v += 7) {
            out.writeUnsigned(v * v * v).write((byte) ' ');
            expected.append(Long.toUnsignedString(v * v * v)).append(' ');
        }
        out.flush();
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }
}
