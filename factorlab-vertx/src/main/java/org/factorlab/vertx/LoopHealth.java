package org.factorlab.vertx;

/**
 * What one run did to the event loop: how many events our handlers ran, how long they held the loop
 * (the loop can run nothing else meanwhile), and how late a 10 ms heartbeat timer fired.
 *
 * <p>Written by the event-loop thread only (a single writer, so plain read-modify-write on volatile
 * fields is safe); read from any thread.
 */
final class LoopHealth {
    private volatile long events;
    private volatile long blockedTotalNanos;
    private volatile long blockedMaxNanos;
    private volatile long heartbeatLagMaxNanos;

    /** Records one handler run that held the loop for {@code nanos}. Loop thread only. */
    void handlerRan(long nanos) {
        events++;
        blockedTotalNanos += nanos;
        if (nanos > blockedMaxNanos) {
            blockedMaxNanos = nanos;
        }
    }

    /** Records a heartbeat that fired {@code lagNanos} after it was due. Loop thread only. */
    void heartbeat(long lagNanos) {
        if (lagNanos > heartbeatLagMaxNanos) {
            heartbeatLagMaxNanos = lagNanos;
        }
    }

    long events() {
        return events;
    }

    long blockedTotalNanos() {
        return blockedTotalNanos;
    }

    long blockedMaxNanos() {
        return blockedMaxNanos;
    }

    long heartbeatLagMaxNanos() {
        return heartbeatLagMaxNanos;
    }
}
