package org.factorlab.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NumberSyntaxTest {
    private static int parse(String s, long[] out) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return NumberSyntax.parseUnsigned(b, b.length, out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "++7", "-5", "abc", "1.5", "0x10", "1e5", "12a", " 12", "\u0663", "+-1"})
    void rejectsWhatGnuFactorRejects(String token) {
        assertThat(parse(token, new long[1])).isEqualTo(NumberSyntax.INVALID);
    }

    @Test
    void acceptsPlusSignAndLeadingZeros() {
        long[] out = new long[1];
        assertThat(parse("+7", out)).isEqualTo(NumberSyntax.OK);
        assertThat(out[0]).isEqualTo(7);
        assertThat(parse("007", out)).isEqualTo(NumberSyntax.OK);
        assertThat(out[0]).isEqualTo(7);
        assertThat(parse("0000000000000000000000000000000012", out)).isEqualTo(NumberSyntax.OK);
        assertThat(out[0]).isEqualTo(12);
    }

    @Test
    void separatesTheSixtyFourBitRangeExactly() {
        long[] out = new long[1];
        assertThat(parse("18446744073709551615", out)).isEqualTo(NumberSyntax.OK);
        assertThat(out[0]).isEqualTo(-1L);
        assertThat(parse("18446744073709551616", out)).isEqualTo(NumberSyntax.TOO_BIG);
        assertThat(parse("99999999999999999999", out)).isEqualTo(NumberSyntax.TOO_BIG);
        assertThat(parse("9223372036854775808", out)).isEqualTo(NumberSyntax.OK);
        assertThat(out[0]).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void parsesBigValuesWithPlusSign() {
        byte[] b = "+340282366920938463463374607431768211457".getBytes(StandardCharsets.US_ASCII);
        assertThat(NumberSyntax.parseBig(b, b.length)).isEqualTo(BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE));
    }

    @Test
    void quotesControlAndNonAsciiBytesAsEscapes() {
        byte[] b = "13\u000b14\r\u0663".getBytes(StandardCharsets.UTF_8);
        assertThat(NumberSyntax.quote(b, b.length)).isEqualTo("'13\\v14\\r\\331\\243'");
        byte[] q = "a'b".getBytes(StandardCharsets.UTF_8);
        assertThat(NumberSyntax.quote(q, q.length)).isEqualTo("'a'\\''b'");
    }
}
