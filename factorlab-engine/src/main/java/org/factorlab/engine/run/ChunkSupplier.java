package org.factorlab.engine.run;

import org.factorlab.engine.work.Chunk;

import java.io.IOException;

/**
 * Cuts an input into chunks, in order. Called by one thread at a time (the pipeline's
 * {@link BoundedSource} serialises the calls).
 */
public interface ChunkSupplier {

    /** The next chunk, numbered from 0, or {@code null} at the end of the input. */
    Chunk next() throws IOException;

    /** How many numbers the input holds in all, or -1 when it is not known in advance (standard input). */
    long total();

    /** How many tokens were rejected as not valid positive integers (each already reported). */
    default long invalid() {
        return 0;
    }

    /**
     * Whether the supplier is waiting for more input to arrive (an interactive user, a slow pipe): the
     * writer then flushes what it has, so answers do not sit in a buffer.
     */
    default boolean waitingForInput() {
        return false;
    }

    /** Sets the action run just before the supplier blocks waiting for input (the writer's flush). */
    default void onWaitForInput(Runnable flush) {
    }
}
