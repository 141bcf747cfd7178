package org.factorlab.engine.io;

import org.factorlab.core.Factorization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FactorFormatTest {
    private static String line(FactorFormat f, long n, long... factors) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ByteOutput out = new ByteOutput(bytes, 32)) {
            f.write(out, n, factors, factors.length);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private static String line(FactorFormat f, Factorization fz) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ByteOutput out = new ByteOutput(bytes, 32)) {
            f.write(out, fz);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void writesEachFormat() throws IOException {
        assertThat(line(FactorFormat.GNU, 12, 2, 2, 3)).isEqualTo("12: 2 2 3\n");
        assertThat(line(FactorFormat.EXPONENTS, 3000, 2, 2, 2, 3, 5, 5, 5)).isEqualTo("3000: 2^3 3 5^3\n");
        assertThat(line(FactorFormat.LIST, 85842412, 2, 2, 21460603)).isEqualTo("[2, 2, 21460603]\n");
        assertThat(line(FactorFormat.JSON, 12, 2, 2, 3)).isEqualTo("{\"v\":1,\"number\":\"12\",\"factors\":[\"2\",\"2\",\"3\"]}\n");
        assertThat(line(FactorFormat.GNU, 1)).isEqualTo("1:\n");
        assertThat(line(FactorFormat.LIST, 0)).isEqualTo("[]\n");
        assertThat(line(FactorFormat.JSON, 0)).isEqualTo("{\"v\":1,\"number\":\"0\",\"factors\":[]}\n");
    }

    @Test
    void writesUnsignedValuesAboveTwoToThe63() throws IOException {
        assertThat(line(FactorFormat.GNU, -1L, 3, 5, 17, 257, 641, 65537, 6700417))
                .isEqualTo("18446744073709551615: 3 5 17 257 641 65537 6700417\n");
        assertThat(line(FactorFormat.GNU, -59L, -59L)).isEqualTo("18446744073709551557: 18446744073709551557\n");
    }

    @ParameterizedTest
    @EnumSource(FactorFormat.class)
    void fastPathAndGeneralPathWriteTheSameBytes(FactorFormat format) throws IOException {
        SplittableRandom random = new SplittableRandom(format.ordinal());
        for (int i = 0; i < 2000; i++) {
            int k = random.nextInt(5);
            long[] f = new long[k];
            BigInteger[] big = new BigInteger[k];
            BigInteger n = BigInteger.ONE;
            for (int j = 0; j < k; j++) {
                f[j] = random.nextLong(2, 1 << 16);
            }
            java.util.Arrays.sort(f);
            for (int j = 0; j < k; j++) {
                big[j] = BigInteger.valueOf(f[j]);
                n = n.multiply(big[j]);
            }
            long nl = k == 0 ? random.nextInt(2) : n.longValue();
            BigInteger nb = k == 0 ? BigInteger.valueOf(nl) : n;
            assertThat(line(format, new Factorization(nb, List.of(big)))).isEqualTo(line(format, nl, f));
        }
    }

    @Test
    void decimalOutputMatchesLongToUnsignedString() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        try (ByteOutput out = new ByteOutput(bytes, 64)) {
            for (int i = 0; i < 10_000; i++) {
                long v = random.nextLong() >>> random.nextInt(64);
                out.writeUnsigned(v).write((byte) '\n');
                expected.append(Long.toUnsignedString(v)).append('\n');
            }
            for (long v : new long[] {0, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 9_999_999_999_999_999L,
                    -8446744073709551617L, -8446744073709551616L}) {
                out.writeUnsigned(v).write((byte) '\n');
                expected.append(Long.toUnsignedString(v)).append('\n');
            }
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }
}
