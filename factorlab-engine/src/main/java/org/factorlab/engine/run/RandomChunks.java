package org.factorlab.engine.run;

import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.work.Chunk;

/** The seed experiment's numbers, {@code chunkSize} at a time. */
public final class RandomChunks implements ChunkSupplier {
    private final RandomWorkload workload;
    private final int chunkSize;
    private long nextIndex;
    private long sequence;

    public RandomChunks(RandomWorkload workload, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1: " + chunkSize);
        }
        this.workload = workload;
        this.chunkSize = chunkSize;
    }

    @Override
    public Chunk next() {
        if (nextIndex >= workload.count()) {
            return null;
        }
        int n = (int) Math.min(chunkSize, workload.count() - nextIndex);
        long[] numbers = new long[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = workload.number(nextIndex + i);
        }
        nextIndex += n;
        return Chunk.of(sequence++, numbers);
    }

    @Override
    public long total() {
        return workload.count();
    }
}
