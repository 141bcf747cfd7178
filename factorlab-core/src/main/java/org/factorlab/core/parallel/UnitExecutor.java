package org.factorlab.core.parallel;

import java.io.Serializable;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Where the {@link WorkUnit}s of one factoring job run. Kernels (ECM, SIQS) produce units lazily and
 * consume results; they never create threads themselves, so the same kernel runs sequentially, on
 * threads ({@link ThreadUnitExecutor}), and later in other processes or machines.
 *
 * <p>Implementations are thread-safe and reusable; {@link #execute} may be called by several
 * threads at once (each call is its own job).
 */
public interface UnitExecutor {

    /** How many units this executor runs at once: kernels size their batches from it. */
    int parallelism();

    /**
     * Runs units taken from {@code units} — at most a few times {@link #parallelism()} at a time,
     * taking the next unit only when there is room — and passes each result to {@code sink} on the
     * calling thread, in completion order. Returns when {@code sink} returns {@code false} (the job is
     * done: units still running are cancelled, results still arriving are dropped) or when every unit
     * has been computed and consumed.
     *
     * <p>{@code units.next()} is also called on the calling thread only, so the iterator needs no
     * synchronisation and may adapt what it generates to results already consumed.
     *
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     *         (running units are cancelled first)
     * @throws RuntimeException whatever a unit threw (the first such failure; others are cancelled)
     */
    <R extends Serializable> void execute(Iterator<? extends WorkUnit<R>> units, Predicate<? super R> sink);

    /** Runs every unit on the calling thread, one after another. */
    UnitExecutor SAME_THREAD = new UnitExecutor() {
        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public <R extends Serializable> void execute(Iterator<? extends WorkUnit<R>> units,
                                                     Predicate<? super R> sink) {
            while (units.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
                if (!sink.test(units.next().compute())) {
                    return;
                }
            }
        }

        @Override
        public String toString() {
            return "same-thread";
        }
    };
}
