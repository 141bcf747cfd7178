package org.factorlab.engine.work;

import org.factorlab.core.factor.ProgressListener;

import java.util.Objects;

/**
 * Where the {@link ChunkProcessor}s of this JVM send the progress of long factoring kernels (ECM,
 * SIQS). A display concern of the process, not part of a job — a {@link JobSpec} travels to other
 * JVMs, a terminal does not — so it is set once by the front end ({@code factor} on a terminal) and
 * defaults to {@link ProgressListener#NONE}.
 */
public final class KernelProgress {
    private static volatile ProgressListener listener = ProgressListener.NONE;

    private KernelProgress() {
    }

    /** The listener for processors created from now on. */
    public static void set(ProgressListener l) {
        listener = Objects.requireNonNull(l, "listener");
    }

    /** The current listener. */
    public static ProgressListener get() {
        return listener;
    }
}
