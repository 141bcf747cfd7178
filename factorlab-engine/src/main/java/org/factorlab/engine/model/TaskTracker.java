package org.factorlab.engine.model;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts tasks handed to threads a model does not join one by one (virtual threads, fork/join tasks),
 * so {@code execute} can wait for all of them, and keeps the first unexpected failure to rethrow.
 * Thread-safe.
 */
final class TaskTracker {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long pending;

    /** Call before handing a task over. */
    void started() {
        lock.lock();
        try {
            pending++;
        } finally {
            lock.unlock();
        }
    }

    /** Call exactly once when a task ends, with what it threw (or {@code null}). */
    void finished(Throwable thrown) {
        if (thrown != null) {
            failure.compareAndSet(null, thrown);
        }
        lock.lock();
        try {
            if (--pending == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether some task has failed (the dispatcher then stops handing out work). */
    boolean failed() {
        return failure.get() != null;
    }

    /** Waits for every task started so far, then rethrows the first failure, if any. */
    void awaitAll() throws InterruptedException {
        lock.lock();
        try {
            while (pending > 0) {
                idle.await();
            }
        } finally {
            lock.unlock();
        }
        rethrow();
    }

    /** Rethrows the first failure, unchecked, if there was one. */
    void rethrow() {
        Throwable t = failure.get();
        if (t != null) {
            throw Rethrow.unchecked(t);
        }
    }
}
