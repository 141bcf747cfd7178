package org.factorlab.core.parallel;

import java.io.Serializable;

/**
 * One independent piece of the work of factoring a single number — a batch of ECM curves, a range of
 * SIQS polynomials — that can run anywhere: on the calling thread, on a pool thread, or (serialized)
 * in a child process or a cluster member.
 *
 * <p><b>Contract.</b> {@link #compute()} is a pure function of the unit's own fields: the same unit
 * gives the same result wherever and however often it runs, so a unit lost with a crashed worker can
 * simply be run again, and a unit run twice is harmless (the consumer deduplicates by content).
 * Heavy shared state (a factor base, a prime table) is not carried: the unit rebuilds it on first use
 * and may cache it per JVM, keyed by the unit's parameters. Units and their results are
 * {@link Serializable} and small (kilobytes, not megabytes).
 *
 * <p>Long computations check the thread's interrupt flag every few milliseconds and then throw
 * {@link java.util.concurrent.CancellationException}.
 *
 * @param <R> the result type: serializable, e.g. a record of relations or an optional factor
 */
public interface WorkUnit<R extends Serializable> extends Serializable {

    /** Does the work. */
    R compute();
}
