package org.factorlab.engine.process;

import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The parent's handle on one worker JVM: its process, the framed streams to and from it, and the
 * watchdog's claim on its current chunk. Used by one driver thread at a time; {@link #expire},
 * {@link #kill} and {@link #closeInput} may be called from any thread.
 */
final class WorkerProcess {
    /** No chunk may be timed out right now. */
    private static final long UNARMED = 0;
    /** The watchdog has claimed the chunk: the process is being killed. */
    private static final long EXPIRED = -1;

    private final Process process;
    private final int serial;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final AtomicLong armed = new AtomicLong(UNARMED);
    private JobSpec job;
    private long startupNanos = -1;

    /**
     * Wraps a just-started process, the {@code serial}-th of its pool; bytes moved are added to
     * {@code sent} and {@code received}.
     */
    WorkerProcess(Process process, int serial, LongAdder sent, LongAdder received) {
        this.process = process;
        this.serial = serial;
        this.out = new DataOutputStream(
                new BufferedOutputStream(new Counting(process.getOutputStream(), sent), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(new CountingInput(process.getInputStream(), received),
                1 << 16));
    }

    long pid() {
        return process.pid();
    }

    /** Its number in the pool, from 1, never reused (pids may be). */
    int serial() {
        return serial;
    }

    /** Nanoseconds from process start to its hello frame; -1 until {@link #awaitHello} returned. */
    long startupNanos() {
        return startupNanos;
    }

    /** Whether the hello frame has been read (the worker is ready for work). */
    boolean ready() {
        return startupNanos >= 0;
    }

    /**
     * Reads the hello frame and records the start-up time from {@code startedAt}.
     *
     * @throws java.io.EOFException if the process died before it was ready
     */
    void awaitHello(long startedAt) throws IOException {
        long pid = WireProtocol.readHello(in);
        if (pid != process.pid()) {
            throw new WireProtocol.ProtocolException("worker says it is pid " + pid + ", but it is " + process.pid());
        }
        startupNanos = System.nanoTime() - startedAt;
    }

    /** Sends the job (only if it differs from the one this worker has) and the chunk. */
    void send(JobSpec job, Chunk chunk) throws IOException {
        if (!job.equals(this.job)) {
            WireProtocol.writeJob(out, job);
            this.job = job;
        }
        WireProtocol.writeChunk(out, chunk);
        out.flush();
    }

    /** Waits for the result of {@code chunk}; EOF or an I/O error means the process died. */
    WireProtocol.Result receive(Chunk chunk) throws IOException {
        WireProtocol.Result r = WireProtocol.readResult(in);
        ChunkResult result = r.result();
        if (result.sequence() != chunk.sequence() || result.count() != chunk.size()) {
            throw new WireProtocol.ProtocolException("sent chunk " + chunk.sequence() + " of " + chunk.size()
                    + " numbers, got the result of chunk " + result.sequence() + " of " + result.count());
        }
        return r;
    }

    /** Lets the watchdog stop the chunk identified by {@code token} (a positive number). */
    void arm(long token) {
        armed.set(token);
    }

    /**
     * Takes the chunk back from the watchdog.
     *
     * @return false if the watchdog got there first: the chunk timed out and the process is being killed
     */
    boolean disarm(long token) {
        return armed.compareAndSet(token, UNARMED);
    }

    /** Whether a chunk is in flight (armed, or being timed out). */
    boolean busy() {
        return armed.get() != UNARMED;
    }

    /** Called by the watchdog: kills the process if it is still on chunk {@code token}. */
    void expire(long token) {
        if (armed.compareAndSet(token, EXPIRED)) {
            process.destroyForcibly();
        }
    }

    /** Ends its standard input: a healthy worker exits (status 0) when it reads the end. */
    void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // it is already gone
        }
    }

    /** Kills the process (SIGKILL); returns at once. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits up to {@code nanos} for the process to end; true if it has. */
    boolean awaitExit(long nanos) throws InterruptedException {
        return process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** The exit status, or -1 if it is still running. */
    int exitStatus() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        private final LongAdder bytes;

        Counting(OutputStream out, LongAdder bytes) {
            super(out);
            this.bytes = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.increment();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes.add(len);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInput extends FilterInputStream {
        private final LongAdder bytes;

        CountingInput(InputStream in, LongAdder bytes) {
            super(in);
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytes.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                bytes.add(n);
            }
            return n;
        }
    }
}
