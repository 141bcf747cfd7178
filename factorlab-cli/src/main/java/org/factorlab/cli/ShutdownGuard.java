package org.factorlab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C (SIGINT) and SIGTERM stop a running job cleanly: a shutdown hook interrupts the thread
 * running the job, closes the job's resources (threads, child processes, event loop) and waits until
 * the job has let go of them (at most a second). The JVM then exits with 130 (SIGINT) or 143 (SIGTERM).
 *
 * <p>Use with try-with-resources around the job; closing the guard removes the hook and tells a
 * running hook that the job is over.
 */
final class ShutdownGuard implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean triggered;

    ShutdownGuard(AutoCloseable resources) {
        Thread worker = Thread.currentThread();
        this.hook = new Thread(() -> {
            triggered = true;
            worker.interrupt();
            try {
                resources.close();
                finished.await(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // shutting down: nothing more can be done
            }
        }, "factorlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal has started the shutdown (so failures of the job are its consequence). */
    boolean triggered() {
        return triggered;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is running
        }
    }
}
