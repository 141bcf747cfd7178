package org.factorlab.engine.process;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.model.ChunkSource;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelRegistry;
import org.factorlab.engine.model.ResultSink;
import org.factorlab.engine.model.SequentialModel;
import org.factorlab.engine.run.ChunkSupplier;
import org.factorlab.engine.run.Pipeline;
import org.factorlab.engine.run.Progress;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.RunStats;
import org.factorlab.engine.run.TokenChunks;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code processes} model against real child JVMs: same bytes as the sequential model, survival
 * of crashed, killed and stuck children, cancellation, and no child left behind after any test.
 */
class ProcessPoolModelTest {
    private static final long SEED = 20240611L;
    private static final int CHUNK = 500;

    /** After every test: no child process of this JVM is alive (close() reaps before it returns). */
    @AfterEach
    void noChildOutlivesTheTest() {
        assertNoLiveChildren();
    }

    private static void assertNoLiveChildren() {
        List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly); // do not leak them into later tests, but still fail
        assertThat(alive).as("child processes still alive").isEmpty();
    }

    /** What a run wrote and measured. */
    private record Outcome(String out, String err, RunStats stats) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Outcome run(ExecutionModel model, JobSpec job, ChunkSupplier input)
            throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunStats stats;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            stats = new Pipeline(8, true, Progress.NONE).run(model, job, input, new ByteOutput(out), errStream);
        }
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), stats);
    }

    private static Outcome sequential(JobSpec job, ChunkSupplier input) throws IOException, InterruptedException {
        return run(new SequentialModel(), job, input);
    }

    private static RandomChunks seedWorkload(int count) {
        return new RandomChunks(new RandomWorkload(SEED, count, 20_000, 100_000_000), CHUNK);
    }

    private static JobSpec gnu(Algorithm algorithm) {
        return new JobSpec(algorithm, FactorFormat.GNU, false);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    @Timeout(60)
    void writesTheSameBytesAsSequentialForTheSeedWorkload(Algorithm algorithm) throws Exception {
        Outcome expected = sequential(gnu(algorithm), seedWorkload(20_000));
        try (ProcessPoolModel model = new ProcessPoolModel(2, null)) {
            Outcome actual = run(model, gnu(algorithm), seedWorkload(20_000));
            assertThat(actual.out()).isEqualTo(expected.out());
            assertThat(actual.lines()).hasSize(20_000);
            assertThat(actual.stats().failed()).isZero();
            assertThat(actual.stats().details()).containsEntry("children_started", "2")
                    .containsEntry("restarts", "0").containsEntry("timeouts", "0")
                    .containsKeys("startup_avg", "startup_max", "ipc_sent", "ipc_received");
            assertThat(model.externalCpuNanos()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    @Timeout(60)
    void writesTheSameBytesAsSequentialForStandardInputWithNumbersAbove64Bits(Algorithm algorithm) throws Exception {
        byte[] stdin = tokenInput(50_000);
        ByteArrayOutputStream seqErr = new ByteArrayOutputStream();
        Outcome expected = sequential(gnu(algorithm), tokens(stdin, seqErr));
        try (ProcessPoolModel model = new ProcessPoolModel(2, null)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Outcome actual = run(model, gnu(algorithm), tokens(stdin, err));
            assertThat(actual.out()).isEqualTo(expected.out());
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(seqErr.toString(StandardCharsets.UTF_8))
                    .isEqualTo("factorlab: '12x' is not a valid positive integer\n");
            assertThat(actual.lines()).hasSize(50_000 - 1); // one token is invalid
            assertThat(actual.out()).contains("18446744073709551616: " + "2 ".repeat(63) + "2\n");
            assertThat(actual.stats().failed()).isZero();
        }
    }

    /**
     * 50,000 lines: mostly the seed's range, some 64-bit edge values, a few smooth numbers above 2^64
     * (smooth so that trial division finishes them), and one invalid token.
     */
    private static byte[] tokenInput(int lines) {
        Random random = new Random(SEED);
        StringBuilder sb = new StringBuilder(lines * 10);
        for (int i = 0; i < lines; i++) {
            if (i == 777) {
                sb.append("12x\n");
            } else if (i == 1000) {
                sb.append(BigInteger.ONE.shiftLeft(64)).append('\n');
            } else if (i % 5000 == 4999) {
                sb.append(smoothAbove64Bits(random)).append('\n');
            } else if (i % 9000 == 17) {
                sb.append(Long.toUnsignedString(-1L - (i % 3))).append('\n'); // 2^64-1, -2, -3
            } else {
                sb.append(random.nextInt(100_000_000)).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static BigInteger smoothAbove64Bits(Random random) {
        BigInteger n = BigInteger.ONE;
        while (n.bitLength() <= 70) {
            n = n.multiply(BigInteger.valueOf(random.nextInt(20_000) + 2));
        }
        return n;
    }

    private static TokenChunks tokens(byte[] stdin, ByteArrayOutputStream err) {
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new TokenChunks(new ByteArrayInputStream(stdin), errStream, 1000);
    }

    @Test
    @Timeout(60)
    void aChildThatCrashesMidChunkHasTheChunkRetriedAndTheOutputIsExact(@TempDir Path dir) throws Exception {
        Outcome expected = sequential(gnu(Algorithm.TRIAL), seedWorkload(10_000));
        List<String> hooks = List.of("-Dfactorlab.test.crashOnce=" + dir.resolve("crashed"),
                "-Dfactorlab.test.crashSequence=3");
        try (ProcessPoolModel model = new ProcessPoolModel(2, null, hooks)) {
            Outcome actual = run(model, gnu(Algorithm.TRIAL), seedWorkload(10_000));
            assertThat(actual.out()).isEqualTo(expected.out());
            assertThat(actual.stats().failed()).isZero();
            assertThat(actual.stats().details()).containsEntry("restarts", "1").containsEntry("children_started", "3");
        }
        assertThat(dir.resolve("crashed")).exists();
    }

    @Test
    @Timeout(60)
    void aChunkWhoseChildDiesEveryTimeIsReportedFailedAfterThreeAttemptsAndTheRunCompletes() throws Exception {
        Outcome expected = sequential(gnu(Algorithm.AUTO), seedWorkload(5_000));
        try (ProcessPoolModel model = new ProcessPoolModel(2, null, List.of("-Dfactorlab.test.crashSequence=2"))) {
            Outcome actual = run(model, gnu(Algorithm.AUTO), seedWorkload(5_000));
            List<String> lines = new ArrayList<>(expected.lines());
            lines.subList(2 * CHUNK, 3 * CHUNK).clear();
            assertThat(actual.lines()).isEqualTo(lines);
            assertThat(actual.stats().failed()).isEqualTo(CHUNK);
            assertThat(actual.err().lines()).hasSize(CHUNK)
                    .allMatch(l -> l.startsWith("factorlab: ") && l.endsWith(": worker process died 3 times"));
            assertThat(actual.stats().details()).containsEntry("restarts", "3");
        }
    }

    @Test
    @Timeout(60)
    void aStuckChildIsKilledAfterTheTaskTimeoutAndItsChunkReported() throws Exception {
        Outcome expected = sequential(gnu(Algorithm.AUTO), seedWorkload(5_000));
        Duration timeout = Duration.ofMillis(1500);
        try (ProcessPoolModel model = new ProcessPoolModel(2, timeout, List.of("-Dfactorlab.test.hangSequence=1"))) {
            Outcome actual = run(model, gnu(Algorithm.AUTO), seedWorkload(5_000));
            List<String> lines = new ArrayList<>(expected.lines());
            lines.subList(CHUNK, 2 * CHUNK).clear();
            assertThat(actual.lines()).isEqualTo(lines);
            assertThat(actual.stats().failed()).isEqualTo(CHUNK);
            assertThat(actual.err().lines()).hasSize(CHUNK)
                    .allMatch(l -> l.matches("factorlab: \\d+: timed out after 1\\.5s in worker process \\d+"));
            assertThat(actual.stats().details()).containsEntry("timeouts", "1").containsEntry("restarts", "0");
        }
    }

    @Test
    @Timeout(60)
    void aChildKilledWithSigkillFromOutsideIsReplacedAndTheOutputIsExact() throws Exception {
        Outcome expected = sequential(gnu(Algorithm.TRIAL), seedWorkload(20_000));
        try (ProcessPoolModel pool = new ProcessPoolModel(2, null)) {
            AtomicReference<Long> killed = new AtomicReference<>();
            ExecutionModel killing = new Intercepting(pool, () -> {
                List<Long> pids = pool.childPids();
                if (!pids.isEmpty() && killed.compareAndSet(null, pids.get(0))) {
                    ProcessHandle.of(pids.get(0)).ifPresent(ProcessHandle::destroyForcibly);
                }
            });
            Outcome actual = run(killing, gnu(Algorithm.TRIAL), seedWorkload(20_000));
            assertThat(killed.get()).isNotNull();
            assertThat(actual.out()).isEqualTo(expected.out());
            assertThat(actual.stats().failed()).isZero();
            assertThat(actual.stats().details().get("restarts")).isEqualTo("1");
            assertThat(pool.childPids()).doesNotContain(killed.get()).hasSize(2);
        }
    }

    @Test
    @Timeout(30)
    void interruptingExecuteStopsWithinASecondAndLeavesNoChild() throws Exception {
        try (ProcessPoolModel pool = new ProcessPoolModel(2, null)) {
            CountDownLatch firstResult = new CountDownLatch(1);
            ExecutionModel model = new Intercepting(pool, firstResult::countDown);
            // hard numbers for trial division: seconds of work per chunk, far more than the test waits
            RandomChunks endless = new RandomChunks(new RandomWorkload(SEED, 10_000_000, 1L << 40, 1L << 42), 50);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread runner = Thread.ofPlatform().start(() -> {
                try {
                    run(model, gnu(Algorithm.TRIAL), endless);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            assertThat(firstResult.await(20, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            runner.interrupt();
            runner.join(5000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(runner.isAlive()).isFalse();
            assertThat(millis).as("ms from interrupt to return").isLessThan(1000);
            assertThat(thrown.get()).isInstanceOfAny(InterruptedException.class, CancellationException.class);
            assertNoLiveChildren(); // before close(): execute itself left none
        }
    }

    @Test
    @Timeout(30)
    void closeDuringARunStopsTheChildrenAndTheRunEndsCancelled() throws Exception {
        ProcessPoolModel pool = new ProcessPoolModel(2, null);
        AtomicBoolean closing = new AtomicBoolean();
        ExecutionModel model = new Intercepting(pool, () -> {
            if (closing.compareAndSet(false, true)) {
                Thread.ofPlatform().start(pool::close); // as the CLI's shutdown hook would, on Ctrl-C
            }
        });
        RandomChunks endless = new RandomChunks(new RandomWorkload(SEED, 10_000_000, 1L << 40, 1L << 42), 50);
        Throwable thrown = null;
        try {
            run(model, gnu(Algorithm.TRIAL), endless);
        } catch (CancellationException e) {
            thrown = e;
        }
        assertThat(thrown).isInstanceOf(CancellationException.class);
        pool.close(); // waits for the hook's close to finish
        assertNoLiveChildren();
    }

    @Test
    @Timeout(30)
    void aWorkerSaysHelloAndExitsWithStatusZeroAtTheEndOfItsInput() throws Exception {
        Process p = new ProcessBuilder(ProcessPoolModel.childCommand(List.of()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            DataInputStream in = new DataInputStream(p.getInputStream());
            assertThat(WireProtocol.readHello(in)).isEqualTo(p.pid());
            p.getOutputStream().close();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(in.read()).isEqualTo(-1);
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void aChunkFrameMatchesTheWorkedExampleOfTheProtocolDocument() throws IOException {
        BigInteger big = BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE);
        Chunk chunk = new Chunk(1, new long[] {12, 0}, new BigInteger[] {null, big});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WireProtocol.writeChunk(new DataOutputStream(bytes), chunk);
        assertThat(HexFormat.of().formatHex(bytes.toByteArray())).isEqualTo(
                "43" + "0000000000000001" + "00000002" + "000000000000000c" + "0000000000000000"
                        + "00000001" + "00000001" + "00000009" + "010000000000000001");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(in.readUnsignedByte()).isEqualTo(WireProtocol.CHUNK);
        assertThat(WireProtocol.readChunk(in)).isEqualTo(chunk);
    }

    @Test
    void aResultFrameRoundTripsWithItsErrorsAndCpuTime() throws IOException {
        ChunkResult result = new ChunkResult(7, 2, "12: 2 2 3\n".getBytes(StandardCharsets.US_ASCII),
                List.of("factorlab: 13: d\u00e9j\u00e0 vu"), 12345, List.of("12: 2 2 3 by trial division", "n2"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WireProtocol.writeResult(new DataOutputStream(bytes), result, 987654321);
        WireProtocol.Result read =
                WireProtocol.readResult(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read.cpuNanos()).isEqualTo(987654321);
        assertThat(read.result().sequence()).isEqualTo(7);
        assertThat(read.result().count()).isEqualTo(2);
        assertThat(read.result().output()).isEqualTo(result.output());
        assertThat(read.result().errors()).isEqualTo(result.errors());
        assertThat(read.result().notes()).isEqualTo(result.notes());
        assertThat(read.result().busyNanos()).isEqualTo(12345);
    }

    @Test
    void aJobFrameRoundTripsWithTraceAndThreadsPerNumber() throws IOException {
        JobSpec job = new JobSpec(Algorithm.AUTO, FactorFormat.JSON, true, true, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WireProtocol.writeJob(new DataOutputStream(bytes), job);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(in.readUnsignedByte()).isEqualTo(WireProtocol.JOB);
        assertThat(WireProtocol.readJob(in)).isEqualTo(job);
    }

    @Test
    void isRegisteredAsProcessesAndCreatesChildrenOnlyWhenRun() {
        ModelOptions options = new ModelOptions(3, Duration.ofSeconds(5), null, false);
        try (ExecutionModel model = ModelRegistry.create("processes", options)) {
            assertThat(model).isInstanceOf(ProcessPoolModel.class);
            assertThat(model.workers()).isEqualTo(3);
            assertThat(((ProcessPoolModel) model).childPids()).isEmpty();
            Map<String, String> d = model.details();
            assertThat(d.keySet()).containsExactly("children_started", "startup_avg", "startup_max", "ipc_sent",
                    "ipc_received", "restarts", "timeouts");
            assertThat(d.values()).noneMatch(v -> v.contains(" "));
        }
    }

    @Test
    void formatsDurationsAndByteCountsWithoutSpaces() {
        assertThat(ProcessPoolModel.seconds(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(ProcessPoolModel.seconds(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(ProcessPoolModel.bytes(830)).isEqualTo("830B");
        assertThat(ProcessPoolModel.bytes(12_400)).isEqualTo("12.4kB");
        assertThat(ProcessPoolModel.bytes(1_234_567)).isEqualTo("1.2MB");
    }

    /** Runs the pool with a sink that calls {@code onResult} before passing each result on. */
    private record Intercepting(ExecutionModel pool, Runnable onResult) implements ExecutionModel {
        @Override
        public String name() {
            return pool.name();
        }

        @Override
        public int workers() {
            return pool.workers();
        }

        @Override
        public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
            pool.execute(job, source, result -> {
                onResult.run();
                sink.accept(result);
            });
        }

        @Override
        public Map<String, String> details() {
            return pool.details();
        }

        @Override
        public long externalCpuNanos() {
            return pool.externalCpuNanos();
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
