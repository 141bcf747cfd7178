package org.factorlab.cli;

/**
 * Makes Ctrl-C (SIGINT) and SIGTERM stop a running job cleanly: a shutdown hook interrupts the thread
 * running the job, closes the job's resources (threads, child processes, event loop) and gives the
 * thread up to a second to finish. The JVM then exits with 130 (SIGINT) or 143 (SIGTERM).
 *
 * <p>Use with try-with-resources around the job; closing the guard removes the hook.
 */
final class ShutdownGuard implements AutoCloseable {
    private final Thread hook;

    ShutdownGuard(AutoCloseable resources) {
        Thread worker = Thread.currentThread();
        this.hook = new Thread(() -> {
            worker.interrupt();
            try {
                resources.close();
                worker.join(1000);
            } catch (Exception e) {
                // shutting down: nothing more can be done
            }
        }, "factorlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is running
        }
    }
}
