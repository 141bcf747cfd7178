package org.factorlab.engine.lab;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The child JVM of {@code lab processes}: reads frames (a 4-byte big-endian length, then that many
 * bytes) from standard input and writes each back unchanged, until the end of its input. Nothing
 * else, so that a round trip measures the pipes and the two JVMs' I/O, not any work.
 */
public final class EchoMain {
    private EchoMain() {
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16));
        byte[] buffer = new byte[0];
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (length < 0) {
                return;
            }
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            in.readFully(buffer, 0, length);
            out.writeInt(length);
            out.write(buffer, 0, length);
            out.flush();
        }
    }
}
