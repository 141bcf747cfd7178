package org.factorlab.core.factor;

/**
 * Receives progress from a long-running factoring kernel (ECM, SIQS) so a front end can show it.
 * Called from the thread that consumes the kernel's results, a few times per second at most;
 * implementations must be cheap and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = (method, detail, fraction) -> { };

    /**
     * @param method   the kernel, e.g. {@code "ecm"} or {@code "siqs"}
     * @param detail   one short human-readable line, e.g. {@code "curve 40 of 90 at B1=11000"} or
     *                 {@code "relations 1200 of 3050, 4.1 s left"}
     * @param fraction the share of the expected work done, in [0, 1], or {@code NaN} if unknown
     */
    void progress(String method, String detail, double fraction);

    /** The number being factored is done (called once per number that reached a reporting kernel, or more). */
    default void finished() {
    }
}
