package org.factorlab.engine.run;

import org.factorlab.engine.work.Chunk;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenChunksTest {

    private static List<Chunk> chunks(String input, int chunkSize) throws IOException {
        TokenChunks supplier = new TokenChunks(new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), chunkSize);
        List<Chunk> all = new ArrayList<>();
        for (Chunk c = supplier.next(); c != null; c = supplier.next()) {
            all.add(c);
        }
        return all;
    }

    @Test
    void smallNumbersFillWholeChunks() throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            in.append(i).append('\n');
        }
        assertThat(chunks(in.toString(), 1000)).extracting(Chunk::size).containsExactly(1000, 1000, 500);
    }

    @Test
    void numbersAbove64BitsGoAtMostEightToAChunkSoEveryWorkerGetsSome() throws IOException {
        StringBuilder in = new StringBuilder();
        BigInteger start = BigInteger.ONE.shiftLeft(95);
        for (int i = 0; i < 20; i++) {
            in.append(start.add(BigInteger.valueOf(i))).append('\n').append(i).append('\n');
        }
        List<Chunk> chunks = chunks(in.toString(), 1000);
        assertThat(chunks).extracting(Chunk::size).containsExactly(15, 16, 9);
        List<BigInteger> order = new ArrayList<>();
        for (Chunk c : chunks) {
            for (int i = 0; i < c.size(); i++) {
                order.add(c.number(i));
            }
        }
        assertThat(order).hasSize(40);
        assertThat(order.get(0)).isEqualTo(start);
        assertThat(order.get(39)).isEqualTo(BigInteger.valueOf(19));
    }
}
