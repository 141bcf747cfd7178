package org.factorlab.engine.process;

import org.factorlab.core.Algorithm;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames the parent and its worker processes exchange over the child's standard input and
 * output, version {@value #VERSION}; the normative description, with a worked example, is
 * {@code docs/protocol.md}. Every frame is one type byte followed by its fields, big-endian, as
 * {@link DataOutputStream} writes them. The reader of a frame has already consumed its type byte.
 *
 * <p>Stateless; the streams are the caller's (buffer them, and flush after the frame).
 */
final class WireProtocol {
    /** {@code "FLAB"}: the first field of the hello frame. */
    static final int MAGIC = 0x464C_4142;
    /** Bumped on any change to any frame's layout; the parent accepts only its own version. */
    static final int VERSION = 2;

    static final int HELLO = 'H';
    static final int JOB = 'J';
    static final int CHUNK = 'C';
    static final int RESULT = 'R';

    /** Sanity limits, so a corrupt stream fails with a message instead of a huge allocation. */
    private static final int MAX_COUNT = 1 << 24;
    private static final int MAX_BYTES = 1 << 30;
    private static final int MAX_THREADS = 4096;

    private WireProtocol() {
    }

    /** Child → parent, once, first: magic, version, the child's pid. */
    static void writeHello(DataOutputStream out, long pid) throws IOException {
        out.writeByte(HELLO);
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeLong(pid);
    }

    /**
     * Reads the whole hello frame, type byte included, and returns the child's pid.
     *
     * @throws ProtocolException if it is not a factorlab worker of this version
     */
    static long readHello(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        int magic = in.readInt();
        if (type != HELLO || magic != MAGIC) {
            throw new ProtocolException(String.format("not a factorlab worker: it began with %02x %08x", type, magic));
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new ProtocolException("worker speaks protocol version " + version + ", expected " + VERSION);
        }
        return in.readLong();
    }

    /** Parent → child: the job every following chunk is processed with. */
    static void writeJob(DataOutputStream out, JobSpec job) throws IOException {
        out.writeByte(JOB);
        out.writeUTF(job.algorithm().name());
        out.writeUTF(job.format() == null ? "" : job.format().name());
        out.writeBoolean(job.verify());
        out.writeBoolean(job.trace());
        out.writeInt(job.numberThreads());
    }

    static JobSpec readJob(DataInputStream in) throws IOException {
        String algorithm = in.readUTF();
        String format = in.readUTF();
        boolean verify = in.readBoolean();
        boolean trace = in.readBoolean();
        int numberThreads = checked(in.readInt(), MAX_THREADS, "threads per number");
        try {
            return new JobSpec(Algorithm.valueOf(algorithm), format.isEmpty() ? null : FactorFormat.valueOf(format),
                    verify, trace, Math.max(1, numberThreads));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("unknown algorithm or format in job frame: " + algorithm + ", " + format);
        }
    }

    /**
     * Parent → child: sequence, count, count unsigned 64-bit slots (0 where the number is big), then
     * the big numbers as (index, length, two's-complement bytes).
     */
    static void writeChunk(DataOutputStream out, Chunk chunk) throws IOException {
        out.writeByte(CHUNK);
        out.writeLong(chunk.sequence());
        int n = chunk.size();
        out.writeInt(n);
        int bigCount = 0;
        for (int i = 0; i < n; i++) {
            if (chunk.isBig(i)) {
                bigCount++;
                out.writeLong(0);
            } else {
                out.writeLong(chunk.numbers()[i]);
            }
        }
        out.writeInt(bigCount);
        for (int i = 0; bigCount > 0 && i < n; i++) {
            if (chunk.isBig(i)) {
                byte[] bytes = chunk.big()[i].toByteArray();
                out.writeInt(i);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    static Chunk readChunk(DataInputStream in) throws IOException {
        long sequence = in.readLong();
        int n = checked(in.readInt(), MAX_COUNT, "count");
        long[] numbers = new long[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = in.readLong();
        }
        int bigCount = checked(in.readInt(), n, "big count");
        BigInteger[] big = bigCount == 0 ? null : new BigInteger[n];
        for (int k = 0; k < bigCount; k++) {
            int index = checked(in.readInt(), n - 1, "big index");
            byte[] bytes = new byte[checked(in.readInt(), MAX_BYTES, "big length")];
            in.readFully(bytes);
            big[index] = new BigInteger(bytes);
        }
        return new Chunk(sequence, numbers, big);
    }

    /**
     * Child → parent: sequence, count, busy nanos, the child's CPU nanos so far, the output bytes
     * (length-prefixed), the error lines (count, then each length-prefixed UTF-8) and the note lines
     * (the same way).
     */
    static void writeResult(DataOutputStream out, ChunkResult result, long cpuNanos) throws IOException {
        out.writeByte(RESULT);
        out.writeLong(result.sequence());
        out.writeInt(result.count());
        out.writeLong(result.busyNanos());
        out.writeLong(cpuNanos);
        out.writeInt(result.output().length);
        out.write(result.output());
        writeLines(out, result.errors());
        writeLines(out, result.notes());
    }

    private static void writeLines(DataOutputStream out, List<String> lines) throws IOException {
        out.writeInt(lines.size());
        for (String line : lines) {
            byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static List<String> readLines(DataInputStream in, int max, String what) throws IOException {
        int count = checked(in.readInt(), max, what + " count");
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] utf8 = new byte[checked(in.readInt(), MAX_BYTES, what + " length")];
            in.readFully(utf8);
            lines.add(new String(utf8, StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** A result frame as read, with the child's CPU time beside the result. */
    record Result(ChunkResult result, long cpuNanos) {
    }

    /** Reads a whole result frame, type byte included. */
    static Result readResult(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        if (type != RESULT) {
            throw new ProtocolException(String.format("expected a result frame, got type %02x", type));
        }
        long sequence = in.readLong();
        int count = checked(in.readInt(), MAX_COUNT, "count");
        long busyNanos = in.readLong();
        long cpuNanos = in.readLong();
        byte[] output = new byte[checked(in.readInt(), MAX_BYTES, "output length")];
        in.readFully(output);
        List<String> errors = readLines(in, count, "error");
        List<String> notes = readLines(in, MAX_COUNT, "note");
        return new Result(new ChunkResult(sequence, count, output, errors, busyNanos, notes), cpuNanos);
    }

    private static int checked(int value, int max, String what) throws ProtocolException {
        if (value < 0 || value > max) {
            throw new ProtocolException(what + " out of range: " + value);
        }
        return value;
    }

    /** The other side broke the protocol (a bug or a version mismatch, never a crash). */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }
}
