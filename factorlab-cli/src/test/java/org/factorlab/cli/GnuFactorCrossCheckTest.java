package org.factorlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares {@code factorlab factor} with GNU {@code factor} (coreutils, installed on every machine this
 * project runs on) byte for byte, on seeded random numbers of every size from 1 to 90 bits.
 */
class GnuFactorCrossCheckTest {

    private static String gnuFactor(Path input) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("factor").redirectInput(input.toFile()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static void assertSameAsGnu(String input) throws IOException, InterruptedException {
        Path file = Files.createTempFile("factorlab-crosscheck", ".txt");
        try {
            Files.writeString(file, input, StandardCharsets.US_ASCII);
            String expected = gnuFactor(file);
            Cli.Result ours = Cli.run(input, "factor");
            assertThat(ours.err()).isEmpty();
            assertThat(ours.status()).isZero();
            assertThat(ours.out().lines().toList()).containsExactlyElementsOf(expected.lines().toList());
            assertThat(ours.out()).isEqualTo(expected);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Timeout(120)
    void agreesWithGnuFactorOnRandomNumbersOfEverySizeUpTo90Bits() throws Exception {
        Random random = new Random(20261126L);
        StringBuilder input = new StringBuilder();
        for (int bits = 1; bits <= 90; bits++) {
            int perSize = bits <= 64 ? 140 : 60;
            for (int i = 0; i < perSize; i++) {
                // exactly `bits` bits: top bit set, the rest random
                BigInteger n = new BigInteger(bits - 1, random).setBit(bits - 1);
                input.append(n).append('\n');
            }
        }
        assertThat(input.toString().lines().count()).isGreaterThanOrEqualTo(10_000);
        assertSameAsGnu(input.toString());
    }

    @Test
    @Timeout(120)
    void agreesWithGnuFactorOnStructuredHardCases() throws Exception {
        Random random = new Random(7);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            // products of two primes just below 2^32, squares and cubes of primes
            BigInteger p = BigInteger.valueOf((1L << 32) - 1 - random.nextInt(1 << 20)).nextProbablePrime();
            BigInteger q = BigInteger.valueOf((1L << 32) - 1 - random.nextInt(1 << 20)).nextProbablePrime();
            if (p.bitLength() <= 32 && q.bitLength() <= 32) {
                input.append(p.multiply(q)).append('\n').append(p.pow(2)).append('\n');
            }
            BigInteger r = BigInteger.valueOf((1L << 21) - random.nextInt(1 << 12)).nextProbablePrime();
            input.append(r.pow(3)).append('\n');
        }
        // powers of two and their neighbours, all the way up to 2^90
        for (int e = 0; e <= 90; e++) {
            BigInteger t = BigInteger.ONE.shiftLeft(e);
            input.append(t).append('\n').append(t.add(BigInteger.ONE)).append('\n');
            if (e > 0) {
                input.append(t.subtract(BigInteger.ONE)).append('\n');
            }
        }
        input.append("3825123056546413051\n561\n41041\n825265\n321197185\n18446744073709551557\n");
        assertSameAsGnu(input.toString());
    }

    @Test
    @Timeout(60)
    void agreesWithGnuFactorOnConsecutiveNumbers() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            input.append(i).append('\n');
        }
        assertSameAsGnu(input.toString());
    }
}
