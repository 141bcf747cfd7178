package org.factorlab.engine.run;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelRegistry;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {
    private static final PrintStream NO_ERR = new PrintStream(OutputStream.nullOutputStream());

    /** A supplier that records the most chunks ever handed out but not yet written. */
    private static final class Watched implements ChunkSupplier {
        final RandomChunks chunks = new RandomChunks(new RandomWorkload(4, 20_000, 2, 1_000_000), 10);
        final AtomicLong lines;
        long handedOut;
        long mostInFlight;

        Watched(AtomicLong lines) {
            this.lines = lines;
        }

        @Override
        public Chunk next() {
            Chunk c = chunks.next();
            if (c != null) {
                handedOut++;
                long written = lines.get() / 10;
                mostInFlight = Math.max(mostInFlight, handedOut - written);
            }
            return c;
        }

        @Override
        public long total() {
            return chunks.total();
        }
    }

    /** Counts the lines that reach the output stream. */
    private static final class LineCounter extends OutputStream {
        final AtomicLong lines = new AtomicLong();

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines.incrementAndGet();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "threads", "virtual", "forkjoin", "gil"})
    @Timeout(60)
    void neverHasMoreThanTheWindowInFlight(String modelName) throws Exception {
        LineCounter out = new LineCounter();
        Watched supplier = new Watched(out.lines);
        int window = 6;
        try (ExecutionModel model = ModelRegistry.create(modelName, ModelOptions.workers(3))) {
            // a 1-byte output buffer, so every line written is seen by the counter at once
            new Pipeline(window, true, Progress.NONE).run(model, new JobSpec(Algorithm.AUTO, FactorFormat.GNU, false),
                    supplier, new ByteOutput(out, 1), NO_ERR);
        }
        assertThat(out.lines.get()).isEqualTo(20_000);
        // one more than the window: a chunk is counted as handed out just before its permit's result is flushed
        assertThat(supplier.mostInFlight).isLessThanOrEqualTo(window + 1);
    }

    @Test
    void aClosedOutputEndsTheRunWithTheWriteError() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        try (ExecutionModel model = ModelRegistry.create("threads", ModelOptions.workers(2))) {
            RandomChunks endless = new RandomChunks(new RandomWorkload(1, Long.MAX_VALUE, 2, 1000), 100);
            assertThatThrownBy(() -> new Pipeline(8, true, Progress.NONE).run(model,
                    new JobSpec(Algorithm.AUTO, FactorFormat.GNU, false), endless, new ByteOutput(closed, 16), NO_ERR))
                    .isInstanceOf(IOException.class).hasMessage("Broken pipe");
        }
    }

    @Test
    void countsFailuresAndBusyTime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExecutionModel model = ModelRegistry.create("sequential", ModelOptions.workers(1))) {
            RunStats stats = new Pipeline(8, true, Progress.NONE).run(model,
                    new JobSpec(Algorithm.TRIAL, null, true), new RandomChunks(new RandomWorkload(2, 5_000, 2, 1 << 20), 100),
                    new ByteOutput(bytes), NO_ERR);
            assertThat(bytes.size()).isZero(); // a quiet job writes nothing
            assertThat(stats.count()).isEqualTo(5_000);
            assertThat(stats.failed()).isZero();
            assertThat(stats.busyNanos()).isPositive().isLessThanOrEqualTo(stats.wallNanos());
            assertThat(stats.utilisation()).isBetween(0.0, 1.0);
        }
    }
}
