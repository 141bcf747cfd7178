package org.factorlab.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FactorCommandTest {

    @Test
    void factorsArgumentsLikeGnuFactor() {
        Cli.Result r = Cli.args("factor", "12", "0", "1", "+7", "007", "600851475143");
        assertThat(r.out()).isEqualTo("12: 2 2 3\n0:\n1:\n7: 7\n7: 7\n600851475143: 71 839 1471 6857\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void verboseTellsOnStandardErrorHowEachNumberWasFactoredWithoutChangingTheOutput() {
        String[] numbers = {"360", "1000000016000000063", "97", "1", "340282366920938463463374607431768211457"};
        Cli.Result plain = Cli.args(concat("factor", numbers));
        Cli.Result verbose = Cli.args(concat("factor", concat("-v", numbers)));
        assertThat(verbose.out()).isEqualTo(plain.out());
        assertThat(verbose.status()).isZero();
        List<String> lines = verbose.err().lines().toList();
        assertThat(lines).hasSize(numbers.length);
        assertThat(lines.get(0)).matches("factorlab: 360: 2\\^3 3\\^2 5 by trial division \\(.+\\); .+ in all");
        assertThat(lines.get(1)).matches("factorlab: 1000000016000000063: 100000000[79] 100000000[79] by .+ in all");
        assertThat(lines.get(3)).matches("factorlab: 1: no prime factors; .+ in all");
        assertThat(lines.get(4)).contains("59649589127497217", "5704689200685129054721");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void oneThreadAndAllCoresWriteTheSameBytes() {
        StringBuilder in = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(6);
        for (int i = 0; i < 3000; i++) {
            in.append(Long.toUnsignedString(random.nextLong() >>> random.nextInt(64))).append('\n');
        }
        in.append("340282366920938463463374607431768211457\n");
        Cli.Result all = Cli.run(in.toString(), "factor");
        Cli.Result one = Cli.run(in.toString(), "factor", "-j", "1");
        assertThat(all.out()).isEqualTo(one.out());
        assertThat(all.out().lines()).hasSize(3001);
        assertThat(all.status()).isZero();
    }

    @Test
    void handlesTheEdgesOfThe64BitRange() {
        Cli.Result r = Cli.args("factor", "18446744073709551615", "18446744073709551616", "18446744073709551557");
        assertThat(r.out()).isEqualTo("18446744073709551615: 3 5 17 257 641 65537 6700417\n"
                + "18446744073709551616:" + " 2".repeat(64) + "\n"
                + "18446744073709551557: 18446744073709551557\n");
        assertThat(r.status()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "abc", "1.5", "0x10", "1e5", "", "\u0663", "++7", "12 "})
    void reportsEachInvalidTokenAndGoesOn(String bad) {
        Cli.Result r = Cli.args("factor", "6", bad, "10");
        assertThat(r.out()).isEqualTo("6: 2 3\n10: 2 5\n");
        assertThat(r.err()).startsWith("factorlab: '").endsWith("' is not a valid positive integer\n");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void namesTheTokenInTheMessage() {
        assertThat(Cli.args("factor", "-5").err()).isEqualTo("factorlab: '-5' is not a valid positive integer\n");
        assertThat(Cli.args("factor", "").err()).isEqualTo("factorlab: '' is not a valid positive integer\n");
    }

    @Test
    void acceptsLeadingWhiteSpaceInAnArgumentAsGnuDoes() {
        assertThat(Cli.args("factor", " 12").out()).isEqualTo("12: 2 2 3\n");
    }

    @Test
    void readsStandardInputWhenGivenNoNumbers() {
        Cli.Result r = Cli.run("  12  +0013 abc\n 7\t8\n", "factor");
        assertThat(r.out()).isEqualTo("12: 2 2 3\n13: 13\n7: 7\n8: 2 2 2\n");
        assertThat(r.err()).isEqualTo("factorlab: 'abc' is not a valid positive integer\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void printsExponentsWithDashH() {
        assertThat(Cli.args("factor", "-h", "3000", "12", "7").out()).isEqualTo("3000: 2^3 3 5^3\n12: 2^2 3\n7: 7\n");
        assertThat(Cli.args("factor", "--exponents", "1024").out()).isEqualTo("1024: 2^10\n");
    }

    @Test
    void printsJsonLinesWithIntegersAsStrings() {
        Cli.Result r = Cli.args("factor", "--json", "12", "1", "36893488147419103232");
        assertThat(r.out()).isEqualTo("{\"v\":1,\"number\":\"12\",\"factors\":[\"2\",\"2\",\"3\"]}\n"
                + "{\"v\":1,\"number\":\"1\",\"factors\":[]}\n"
                + "{\"v\":1,\"number\":\"36893488147419103232\",\"factors\":[" + "\"2\",".repeat(64) + "\"2\"]}\n");
    }

    @Test
    void verifiesResultsOnRequest() {
        Cli.Result r = Cli.args("factor", "--verify", "12", "18446744073709551615", "340282366920938463463374607431768211457");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("340282366920938463463374607431768211457: 59649589127497217 5704689200685129054721\n");
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        Cli.Result r = Cli.args("factor", "--frobnicate", "12");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--frobnicate");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOptionLikeTokenAfterDoubleDashIsAnInvalidNumber() {
        Cli.Result r = Cli.args("factor", "--", "--frobnicate", "12");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("12: 2 2 3\n");
        assertThat(r.err()).isEqualTo("factorlab: '--frobnicate' is not a valid positive integer\n");
    }

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.args("factor", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Usage: factorlab factor", "--exponents", "--json", "--verify", "Examples:");
        Cli.Result version = Cli.args("factor", "--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("factorlab ");
    }

    @Test
    void aClosedPipeEndsQuietlyWithStatus141() {
        InputStream endless = new InputStream() {
            private final byte[] line = "600851475143\n".getBytes(StandardCharsets.US_ASCII);
            private int i;

            @Override
            public int read() {
                return line[i++ % line.length];
            }
        };
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new String[] {"factor"}, endless, closedPipe, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(141);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void factorsAProductOfSeventeenAndThirtyFiveDigitPrimes() {
        // the first primes above 10^16 (17 digits) and 10^34 (35 digits)
        java.math.BigInteger p = java.math.BigInteger.TEN.pow(16).nextProbablePrime();
        java.math.BigInteger q = java.math.BigInteger.TEN.pow(34).nextProbablePrime();
        Cli.Result r = Cli.args("factor", p.multiply(q).toString());
        assertThat(r.out()).isEqualTo(p.multiply(q) + ": " + p + " " + q + "\n");
    }
}
