package org.factorlab.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a real child process, as {@code ./factorlab} does: streaming in bounded
 * memory, answers while input is still open, and a closed output pipe.
 */
class JarIT {
    private final List<Process> started = new ArrayList<>();

    private Process start(String... args) throws IOException {
        return startWithHeap("-Xmx64m", args);
    }

    private Process startWithHeap(String heap, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("factorlab.jar", "target/factorlab.jar"));
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, heap, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        started.add(p);
        return p;
    }

    @AfterEach
    void stopChildren() {
        for (Process p : started) {
            p.destroyForcibly();
        }
    }

    /** Writes {@code line} {@code times} times on a background thread, then closes the stream. */
    private static Thread feed(OutputStream stdin, String line, long times) {
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            byte[] block = line.repeat(1000).getBytes(StandardCharsets.US_ASCII);
            try (stdin) {
                for (long i = 0; i < times / 1000; i++) {
                    stdin.write(block);
                }
            } catch (IOException e) {
                // the child stopped reading: expected in the closed-pipe test
            }
        });
        return t;
    }

    /**
     * Issue 6: a 70-digit balanced semiprime, whose two 35-digit primes the test picks, factored by
     * the quadratic sieve (on all cores) in a 512 MiB heap. About 15-25 s on this project's 2-core
     * machines (50-65 s on the older ones); a heap too small ends the child with an
     * OutOfMemoryError and a non-zero status.
     */
    @Test
    @Timeout(600)
    void factorsASeventyDigitSemiprimeInA512MiBHeap() throws Exception {
        BigInteger p = new BigInteger("31415926535897932384626433832795028").nextProbablePrime();
        BigInteger q = new BigInteger("98765432109876543210987654321098765").nextProbablePrime();
        BigInteger n = p.multiply(q);
        assertThat(n.toString()).hasSize(70);
        Process process = startWithHeap("-Xmx512m", "factor", n.toString());
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(process.exitValue()).isZero();
        assertThat(out).isEqualTo(n + ": " + p + " " + q + "\n");
    }

    @Test
    @Timeout(120)
    void streamsFiveMillionLinesInA64MiBHeap() throws Exception {
        Process p = start("factor");
        feed(p.getOutputStream(), "600851475143\n", 5_000_000);
        long lines = 0;
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines++;
                last = line;
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(p.exitValue()).isZero();
        assertThat(lines).isEqualTo(5_000_000);
        assertThat(last).isEqualTo("600851475143: 71 839 1471 6857");
    }

    @Test
    @Timeout(60)
    void answersEachLineWhileInputIsStillOpen() throws Exception {
        Process p = start("factor");
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            in.write("12\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertThat(out.readLine()).isEqualTo("12: 2 2 3");
            in.write("13 14\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertThat(out.readLine()).isEqualTo("13: 13");
            assertThat(out.readLine()).isEqualTo("14: 2 7");
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    @Timeout(60)
    void aClosedOutputPipeEndsTheProgramQuietly() throws Exception {
        Process p = start("factor");
        feed(p.getOutputStream(), "1000000007\n", Long.MAX_VALUE);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        for (int i = 0; i < 3; i++) {
            assertThat(out.readLine()).isEqualTo("1000000007: 1000000007");
        }
        out.close(); // like `| head -3`
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits soon after its reader left").isTrue();
        assertThat(p.exitValue()).isEqualTo(141);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sequential", "threads", "virtual", "forkjoin", "processes", "gil", "eventloop"})
    @Timeout(60)
    void sigtermStopsALongRunPromptlyAndLeavesNoChild(String model) throws Exception {
        Process p = start("run", "--count", "1000000000", "--quiet", "--model", model, "-j", "2");
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        assertThat(err.readLine()).isEqualTo("Starting number crunching");
        assertThat(err.readLine()).startsWith("Seed: ");
        // it is computing now; give the model a moment to have its workers busy
        assertThat(p.waitFor(1500, TimeUnit.MILLISECONDS)).as("still running").isFalse();
        List<ProcessHandle> children = p.descendants().toList();
        long t0 = System.nanoTime();
        p.destroy(); // SIGTERM: the same shutdown hooks as Ctrl-C
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds).as("seconds to stop").isLessThan(2.0);
        assertThat(p.exitValue()).isEqualTo(143);
        for (ProcessHandle child : children) {
            child.onExit().get(5, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child " + child.pid()).isFalse();
        }
        if (model.equals("processes")) {
            assertThat(children).as("the processes model had started child JVMs").hasSize(2);
        }
    }

    @Test
    @Timeout(60)
    void runPrintsTheSeedExperiment() throws Exception {
        Process p = start("run", "--seed", "5", "--count", "1000");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out.lines()).hasSize(1000);
        assertThat(err).contains("Starting number crunching", "Execution Time: ");
    }
}
