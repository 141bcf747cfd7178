package org.factorlab.engine.bench;

/**
 * One measured repetition of one configuration.
 *
 * @param wallNanos     elapsed time of the run
 * @param cpuNanos      CPU time of the run (this JVM and its child processes), -1 if unknown
 * @param gcNanos       time spent in garbage collection during the run (this JVM), -1 if unknown
 * @param peakHeapBytes the largest heap in use seen during the run (this JVM), -1 if unknown
 * @param count         numbers factored
 * @param verified      whether every result was checked and correct (product equals n, factors prime)
 */
public record Sample(long wallNanos, long cpuNanos, long gcNanos, long peakHeapBytes, long count, boolean verified) {
    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
