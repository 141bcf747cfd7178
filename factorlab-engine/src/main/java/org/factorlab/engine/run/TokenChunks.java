package org.factorlab.engine.run;

import org.factorlab.engine.io.TokenReader;
import org.factorlab.engine.work.Chunk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Numbers read from a stream of blank-separated tokens (standard input), cut into chunks. An invalid
 * token is reported on the error stream at once, counted, and skipped.
 *
 * <p>A chunk is cut short when the next token has not arrived yet, and the writer is flushed before
 * the reader blocks: an interactive user gets each answer as soon as the line is typed, while a fast
 * pipe still fills whole chunks and large writes.
 */
public final class TokenChunks implements ChunkSupplier {
    private final TokenReader reader;
    private final ChunkAssembler assembler;
    private volatile boolean waiting;
    private volatile Runnable flush = () -> { };
    private boolean eof;

    public TokenChunks(InputStream in, PrintStream err, int chunkSize) {
        this.reader = new TokenReader(in, () -> {
            waiting = true;
            flush.run();
        });
        this.assembler = new ChunkAssembler(err, chunkSize);
    }

    @Override
    public Chunk next() throws IOException {
        while (!eof && !assembler.full()) {
            if (!assembler.isEmpty() && !reader.ready()) {
                break; // the next token is not here yet: hand over what we have first
            }
            boolean more = reader.next();
            waiting = false;
            if (more) {
                assembler.add(reader.bytes(), reader.length());
            } else {
                eof = true;
            }
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

    @Override
    public boolean waitingForInput() {
        return waiting;
    }

    @Override
    public void onWaitForInput(Runnable flush) {
        this.flush = flush;
    }
}
