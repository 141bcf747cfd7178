package org.factorlab.engine.run;

import org.factorlab.engine.work.Chunk;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Numbers given as command-line arguments, cut into chunks. Each argument is one token, even if it
 * holds blanks; as GNU {@code factor} (which reads arguments with {@code strtoumax}) does, leading white
 * space is skipped.
 */
public final class ArgumentChunks implements ChunkSupplier {
    private final List<String> arguments;
    private final ChunkAssembler assembler;
    private int next;

    public ArgumentChunks(List<String> arguments, PrintStream err, int chunkSize) {
        this.arguments = List.copyOf(arguments);
        this.assembler = new ChunkAssembler(err, chunkSize);
    }

    @Override
    public Chunk next() {
        while (next < arguments.size() && !assembler.full()) {
            byte[] bytes = stripLeadingSpace(arguments.get(next++)).getBytes(StandardCharsets.UTF_8);
            assembler.add(bytes, bytes.length);
        }
        return assembler.take();
    }

    @Override
    public long total() {
        return -1;
    }

    @Override
    public long invalid() {
        return assembler.invalid();
    }

    private static String stripLeadingSpace(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }
}
