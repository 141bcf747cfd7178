package org.factorlab.vertx;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.model.ChunkSource;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelProvider;
import org.factorlab.engine.model.ModelRegistry;
import org.factorlab.engine.model.ResultSink;
import org.factorlab.engine.model.SequentialModel;
import org.factorlab.engine.run.ChunkSupplier;
import org.factorlab.engine.run.Pipeline;
import org.factorlab.engine.run.Progress;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.TokenChunks;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopModelTest {
    private static final int WORKERS = 2;
    private static final long MAX_64 = -1L; // 2^64 - 1, unsigned

    /** What one run wrote: its standard output bytes, its error text, and the model's details. */
    private record Output(byte[] out, String err, Map<String, String> details) {
        String text() {
            return new String(out, StandardCharsets.US_ASCII);
        }
    }

    private static Output run(ExecutionModel model, JobSpec job, ChunkSupplier supplier, boolean ordered)
            throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        new Pipeline(Pipeline.defaultWindow(WORKERS), ordered, Progress.NONE)
                .run(model, job, supplier, new ByteOutput(out), errStream);
        return new Output(out.toByteArray(), err.toString(StandardCharsets.UTF_8), model.details());
    }

    private static Output runEventLoop(boolean onLoop, JobSpec job, ChunkSupplier supplier, boolean ordered)
            throws IOException, InterruptedException {
        try (EventLoopModel model = new EventLoopModel(WORKERS, onLoop)) {
            return run(model, job, supplier, ordered);
        }
    }

    private static Output runSequential(JobSpec job, ChunkSupplier supplier) throws IOException, InterruptedException {
        try (SequentialModel model = new SequentialModel()) {
            return run(model, job, supplier, true);
        }
    }

    private static RandomChunks seedChunks(long min, long max, int chunkSize) {
        return new RandomChunks(new RandomWorkload(11, 20_000, min, max), chunkSize);
    }

    static Stream<Arguments> workloads() {
        return Stream.of(false, true).flatMap(onLoop -> Stream.of(
                Arguments.of(Algorithm.TRIAL, 20_000L, 100_000_000L, onLoop),
                Arguments.of(Algorithm.AUTO, 20_000L, 100_000_000L, onLoop),
                Arguments.of(Algorithm.AUTO, 20_000L, MAX_64, onLoop)));
    }

    @ParameterizedTest(name = "{0} [{1}, {2}] onLoop={3}")
    @MethodSource("workloads")
    @Timeout(30)
    void writesTheSameBytesAsSequential(Algorithm algorithm, long min, long max, boolean onLoop) throws Exception {
        JobSpec job = new JobSpec(algorithm, FactorFormat.GNU, false);
        Output expected = runSequential(job, seedChunks(min, max, 100));
        Output actual = runEventLoop(onLoop, job, seedChunks(min, max, 100), true);
        assertThat(actual.out()).hasSize(expected.out().length);
        assertThat(Arrays.equals(actual.out(), expected.out())).as("identical bytes").isTrue();
        assertThat(actual.err()).isEqualTo(expected.err());
        assertThat(actual.details()).containsEntry("on_loop", Boolean.toString(onLoop));
    }

    @ParameterizedTest(name = "onLoop={0}")
    @ValueSource(booleans = {false, true})
    @Timeout(30)
    void unorderedOutputIsAPermutationOfTheOrderedLines(boolean onLoop) throws Exception {
        JobSpec job = new JobSpec(Algorithm.TRIAL, FactorFormat.GNU, false);
        Output ordered = runEventLoop(onLoop, job, seedChunks(20_000, 100_000_000, 100), true);
        Output unordered = runEventLoop(onLoop, job, seedChunks(20_000, 100_000_000, 100), false);
        List<String> orderedLines = ordered.text().lines().toList();
        assertThat(orderedLines).hasSize(20_000);
        assertThat(unordered.text().lines().toList()).containsExactlyInAnyOrderElementsOf(orderedLines);
    }

    /** 50,000 lines: random numbers up to 10^12, a few above 2^64, and an invalid token every 10,000 lines. */
    private static byte[] tokenInput() {
        RandomWorkload numbers = new RandomWorkload(11, 50_000, 2, 1_000_000_000_000L);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            if (i % 10_000 == 5_000) {
                sb.append("12x").append(i).append('\n');
            } else if (i % 10_000 == 7_000) {
                sb.append("18446744073709551617\n"); // 2^64 + 1 = 274177 * 67280421310721
            } else {
                sb.append(Long.toUnsignedString(numbers.number(i))).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @Timeout(30)
    void readsTokensFromAStreamWithTheSameBytesAsSequential() throws Exception {
        byte[] input = tokenInput();
        JobSpec job = new JobSpec(Algorithm.AUTO, FactorFormat.GNU, false);
        Supplier<TokenChunks> chunks = () -> new TokenChunks(new ByteArrayInputStream(input),
                new PrintStream(OutputStream.nullOutputStream()), 256);
        Output expected = runSequential(job, chunks.get());
        Output actual = runEventLoop(false, job, chunks.get(), true);
        assertThat(expected.text().lines().count()).isEqualTo(50_000 - 5);
        assertThat(Arrays.equals(actual.out(), expected.out())).as("identical bytes").isTrue();
    }

    private static double millis(Map<String, String> details, String key) {
        Matcher m = Pattern.compile("(\\d+\\.\\d)ms").matcher(details.get(key));
        assertThat(m.matches()).as(key + "=" + details.get(key)).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    @Timeout(30)
    void factoringOnTheLoopBlocksItAndOffloadingDoesNot() throws Exception {
        JobSpec job = new JobSpec(Algorithm.TRIAL, null, false);
        Map<String, String> offloaded = runEventLoop(false, job, seedChunks(20_000, 100_000_000, 500), true).details();
        Map<String, String> onLoop = runEventLoop(true, job, seedChunks(20_000, 100_000_000, 500), true).details();

        assertThat(offloaded.keySet()).containsExactly("on_loop", "events", "loop_blocked_total", "loop_blocked_max",
                "heartbeat_lag_max", "worker_pool");
        assertThat(offloaded).containsEntry("on_loop", "false").containsEntry("worker_pool", "2")
                .containsEntry("events", "80"); // 40 chunk events + 40 results coming back
        assertThat(onLoop).containsEntry("on_loop", "true").containsEntry("events", "40");
        double blockedOnLoop = millis(onLoop, "loop_blocked_total");
        double blockedOffloaded = millis(offloaded, "loop_blocked_total");
        assertThat(blockedOnLoop).isPositive();
        assertThat(blockedOffloaded).isLessThan(blockedOnLoop);
        assertThat(millis(onLoop, "loop_blocked_max")).isPositive().isLessThanOrEqualTo(blockedOnLoop);
        assertThat(millis(onLoop, "heartbeat_lag_max")).isPositive();
        assertThat(offloaded.values()).allSatisfy(v -> assertThat(v).doesNotContain(" "));
    }

    /** Hands out chunks of a workload too long to finish, at most 8 in flight; counts them handed out. */
    private static final class EndlessSource implements ChunkSource, ResultSink {
        private final RandomChunks chunks = new RandomChunks(
                new RandomWorkload(11, 1_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L), 100);
        private final Semaphore window = new Semaphore(8);
        private final CountDownLatch handedOut = new CountDownLatch(3);

        @Override
        public Chunk next() throws InterruptedException {
            window.acquire();
            synchronized (this) {
                handedOut.countDown();
                return chunks.next();
            }
        }

        @Override
        public void accept(ChunkResult result) {
            window.release();
        }
    }

    private static List<String> liveVertxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("vert.x-"))
                .toList();
    }

    @ParameterizedTest(name = "onLoop={0}")
    @ValueSource(booleans = {false, true})
    @Timeout(20)
    void interruptStopsWithinASecondAndLeavesNoVertxThread(boolean onLoop) throws Exception {
        EventLoopModel model = new EventLoopModel(WORKERS, onLoop);
        EndlessSource source = new EndlessSource();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        JobSpec job = new JobSpec(Algorithm.TRIAL, FactorFormat.GNU, false);
        Thread emitter = Thread.ofPlatform().name("test-emitter").start(() -> {
            try {
                model.execute(job, source, source);
                outcome.set(new AssertionError("execute returned normally"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(source.handedOut.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(liveVertxThreads()).isNotEmpty();

        long t0 = System.nanoTime();
        emitter.interrupt();
        emitter.join(2_000);
        long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(emitter.isAlive()).as("execute still running after %d ms", stoppedMillis).isFalse();
        assertThat(outcome.get()).isInstanceOfAny(InterruptedException.class, CancellationException.class);
        model.close();
        model.close(); // idempotent
        assertThat(liveVertxThreads()).isEmpty();
    }

    @Test
    @Timeout(20)
    void closeFromAnotherThreadEndsARunningExecute() throws Exception {
        EventLoopModel model = new EventLoopModel(WORKERS, false);
        EndlessSource source = new EndlessSource();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread emitter = Thread.ofPlatform().start(() -> {
            try {
                model.execute(new JobSpec(Algorithm.TRIAL, null, false), source, source);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(source.handedOut.await(10, TimeUnit.SECONDS)).isTrue();
        model.close();
        emitter.join(2_000);
        assertThat(emitter.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(liveVertxThreads()).isEmpty();
    }

    @Test
    @Timeout(20)
    void isFoundByNameAndItsProviderLoadsNoVertxClass() throws Exception {
        assertThat(ModelRegistry.names()).contains("eventloop");
        ModelProvider provider = ModelRegistry.provider("eventloop");
        assertThat(provider.order()).isEqualTo(60);
        assertThat(provider.description()).doesNotContain("\n");
        try (ExecutionModel model = provider.create(new ModelOptions(3, null, null, true))) {
            assertThat(model.name()).isEqualTo("eventloop");
            assertThat(model.details()).containsEntry("on_loop", "true").containsEntry("worker_pool", "3");
        }

        // a fresh JVM lists every model, as the CLI does at each start, and must not load Vert.x for it
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), RegistryProbe.class.getName())
                .redirectErrorStream(true).start();
        String log;
        try (InputStream in = p.getInputStream()) {
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("models: ").contains("eventloop")
                .contains(" org.factorlab.vertx.EventLoopModel$Provider "); // the class-load log is there
        assertThat(log.lines().filter(l -> l.contains(" io.vertx.") || l.contains(" io.netty."))).isEmpty();
    }

    /** Lists the registered models in a fresh JVM (see the test above). */
    static final class RegistryProbe {
        public static void main(String[] args) {
            System.out.println("models: " + ModelRegistry.names());
        }
    }
}
