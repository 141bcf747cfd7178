package org.factorlab.engine.model;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock with a switch interval: a fair lock whose holder hands it over once it has
 * held it for the interval while another thread waits. Counts hand-offs (the lock passing to a
 * different thread) and the longest wait. The counters are written only by the lock's holder, so the
 * lock itself guards them.
 */
public final class Gil {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final long intervalNanos;
    private long acquiredAt;
    private Thread lastOwner;
    private long handoffs;
    private long longestWaitNanos;

    public Gil(Duration switchInterval) {
        this.intervalNanos = switchInterval.toNanos();
    }

    /** Takes the lock, waiting as long as it takes (interrupts are kept for the work to notice). */
    public void acquire() {
        long t0 = System.nanoTime();
        lock.lock();
        long now = System.nanoTime();
        longestWaitNanos = Math.max(longestWaitNanos, now - t0);
        Thread me = Thread.currentThread();
        if (lastOwner != null && lastOwner != me) {
            handoffs++;
        }
        lastOwner = me;
        acquiredAt = now;
    }

    public void release() {
        lock.unlock();
    }

    /**
     * Called by the holder between units of work: if it has held the lock for the switch interval and
     * another thread is waiting, it lets that thread in (the fair lock queues it behind) and takes the
     * lock back after.
     */
    public void yieldIfRequested() {
        if (System.nanoTime() - acquiredAt >= intervalNanos && lock.hasQueuedThreads()) {
            release();
            acquire();
        }
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** How many times the lock passed to a different thread. */
    public long handoffs() {
        lock.lock();
        try {
            return handoffs;
        } finally {
            lock.unlock();
        }
    }

    /** The longest time any thread waited to take the lock. */
    public long longestWaitNanos() {
        lock.lock();
        try {
            return longestWaitNanos;
        } finally {
            lock.unlock();
        }
    }
}
