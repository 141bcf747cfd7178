package org.factorlab.vertx;

import io.vertx.core.impl.VertxThread;
import io.vertx.core.spi.VertxThreadFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Makes Vert.x's threads as usual (same names: {@code vert.x-eventloop-thread-0}, …) and remembers
 * them, so that {@code close()} can wait until every thread of <em>this</em> Vert.x instance has ended.
 * Vert.x's own close future completes a moment before its last threads exit (it even starts a fresh
 * thread to complete it), and a name alone cannot tell our threads from those of another instance in
 * the same JVM (the HTTP service).
 *
 * <p>Once {@link #closing()} was called, a thread that dies of a {@link RejectedExecutionException}
 * does so quietly: a worker stopped part-way through a long number may finish after the loop has shut
 * down, and its result has nowhere to go — expected during a cancellation, not worth a stack trace.
 */
final class OwnedThreads implements VertxThreadFactory {
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    @Override
    public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
                                      TimeUnit maxExecTimeUnit) {
        VertxThread thread = VertxThreadFactory.super.newVertxThread(target, name, worker, maxExecTime, maxExecTimeUnit);
        thread.setUncaughtExceptionHandler((t, e) -> {
            if (!(closing && e instanceof RejectedExecutionException)) {
                t.getThreadGroup().uncaughtException(t, e);
            }
        });
        threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        threads.add(thread);
        return thread;
    }

    /** Vert.x is about to be closed. */
    void closing() {
        closing = true;
    }

    /**
     * Waits until every thread made so far has ended, or the deadline ({@link System#nanoTime()}) has
     * passed, ignoring interrupts meanwhile (close must finish) but keeping the interrupt status.
     *
     * @return whether all have ended
     */
    boolean awaitTermination(long deadlineNanos) {
        boolean interrupted = false;
        try {
            for (Thread t : threads) {
                while (t.isAlive()) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
