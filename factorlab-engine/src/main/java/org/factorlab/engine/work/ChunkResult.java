package org.factorlab.engine.work;

import java.util.List;

/**
 * What became of one {@link Chunk}: its formatted output lines and what went wrong with any number.
 *
 * @param sequence  the chunk's sequence number
 * @param count     how many numbers it held
 * @param output    the result lines, already formatted (empty for a quiet job)
 * @param errors    one-line messages for numbers that failed (verification, a crashed or stuck
 *                  worker), written to standard error in input order; each counts as a failed number
 * @param busyNanos the time a worker spent computing this chunk (for utilisation)
 * @param notes     diagnostic lines that are not failures ({@code factor -v}: how each number was
 *                  factored), written to standard error in input order before the chunk's errors
 */
public record ChunkResult(long sequence, int count, byte[] output, List<String> errors, long busyNanos,
                          List<String> notes) {
    public ChunkResult {
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    /** A result with no notes. */
    public ChunkResult(long sequence, int count, byte[] output, List<String> errors, long busyNanos) {
        this(sequence, count, output, errors, busyNanos, List.of());
    }

    /** A result in which every number failed for the same reason (for example a worker that kept crashing). */
    public static ChunkResult failed(Chunk chunk, String reason) {
        String[] errors = new String[chunk.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = "factorlab: " + chunk.number(i) + ": " + reason;
        }
        return new ChunkResult(chunk.sequence(), chunk.size(), new byte[0], List.of(errors), 0);
    }
}
