package org.factorlab.engine.model;

/** Passes on a failure caught from another thread without wrapping what need not be wrapped. */
public final class Rethrow {
    private Rethrow() {
    }

    /**
     * The failure as an unchecked exception to throw: a {@link RuntimeException} as it is, an
     * {@link Error} thrown at once, anything else wrapped in an {@link IllegalStateException}.
     */
    public static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
