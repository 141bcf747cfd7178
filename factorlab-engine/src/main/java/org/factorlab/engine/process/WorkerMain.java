package org.factorlab.engine.process;

import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkProcessor;
import org.factorlab.engine.work.ChunkResult;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The entry point of a {@code processes} worker JVM, started by {@link ProcessPoolModel}: says hello,
 * then reads job and chunk frames from standard input and answers each chunk with a result frame on
 * standard output (see {@code docs/protocol.md}). It processes chunks with the same
 * {@link ChunkProcessor} as every other model, so the bytes are identical.
 *
 * <p>It exits with status 0 when standard input ends — which is how the parent stops it, and also
 * what happens when the parent dies, so a worker never outlives its parent by more than one chunk.
 * It loads nothing but the engine's and core's own classes (no picocli), so it starts fast.
 *
 * <p>Standard output belongs to the protocol: {@code System.out} is redirected to standard error so
 * that a stray print cannot corrupt a frame.
 *
 * <p><b>Test hooks</b> (system properties, set only by tests through
 * {@link ProcessPoolModel#ProcessPoolModel(int, Duration, java.util.List)}):
 * <ul>
 *   <li>{@code factorlab.test.crashSequence=K} (default 1 when {@code crashOnce} is set): on receiving
 *       chunk K, halt with status 137 before answering, as if killed by {@code kill -9} mid-chunk;</li>
 *   <li>{@code factorlab.test.crashOnce=FILE}: crash only if FILE does not exist yet (it is created
 *       first), so the replacement worker succeeds; without it, every worker crashes on chunk K;</li>
 *   <li>{@code factorlab.test.hangSequence=K}: sleep forever on chunk K (for the task timeout).</li>
 * </ul>
 */
public final class WorkerMain {
    static final int EXIT_PROTOCOL_ERROR = 2;
    static final int EXIT_CRASH_HOOK = 137;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(
                new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stdout, 1 << 16));
        int status;
        try {
            status = serve(in, out, Hooks.fromSystemProperties());
        } catch (EOFException e) {
            status = 0; // the parent went away in the middle of a frame: nothing left to do
        } catch (WireProtocol.ProtocolException e) {
            System.err.println("factorlab worker " + ProcessHandle.current().pid() + ": " + e.getMessage());
            status = EXIT_PROTOCOL_ERROR;
        } catch (IOException e) {
            status = 1; // the parent closed our standard output (it died or gave up on us)
        }
        System.exit(status);
    }

    /** The worker's loop: hello, then frames until end of input. Returns the exit status. */
    static int serve(DataInputStream in, DataOutputStream out, Hooks hooks) throws IOException {
        WireProtocol.writeHello(out, ProcessHandle.current().pid());
        out.flush();
        ChunkProcessor processor = null;
        for (int type; (type = in.read()) >= 0; ) {
            switch (type) {
                case WireProtocol.JOB -> processor = new ChunkProcessor(WireProtocol.readJob(in));
                case WireProtocol.CHUNK -> {
                    Chunk chunk = WireProtocol.readChunk(in);
                    if (processor == null) {
                        throw new WireProtocol.ProtocolException("chunk " + chunk.sequence() + " before any job");
                    }
                    hooks.beforeChunk(chunk.sequence());
                    ChunkResult result = processor.process(chunk);
                    WireProtocol.writeResult(out, result, cpuNanos());
                    out.flush();
                }
                default -> throw new WireProtocol.ProtocolException(String.format("unknown frame type %02x", type));
            }
        }
        return 0;
    }

    /** This process's CPU time so far (all threads), or -1 if the platform cannot tell. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The failure-injection hooks; all off unless their system property is set. */
    record Hooks(long crashSequence, Path crashOnce, long hangSequence) {
        static final long OFF = -1;

        static Hooks fromSystemProperties() {
            String once = System.getProperty("factorlab.test.crashOnce");
            String crash = System.getProperty("factorlab.test.crashSequence");
            long crashSequence = crash != null ? Long.parseLong(crash) : once != null ? 1 : OFF;
            long hang = Long.parseLong(System.getProperty("factorlab.test.hangSequence", "-1"));
            return new Hooks(crashSequence, once == null ? null : Path.of(once), hang);
        }

        void beforeChunk(long sequence) {
            if (sequence == crashSequence && firstCrash()) {
                Runtime.getRuntime().halt(EXIT_CRASH_HOOK);
            }
            if (sequence == hangSequence) {
                while (true) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException ignored) {
                        // a hung worker stays hung; only the parent's kill ends it
                    }
                }
            }
        }

        private boolean firstCrash() {
            if (crashOnce == null) {
                return true;
            }
            try {
                Files.createFile(crashOnce);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
