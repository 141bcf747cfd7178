package org.factorlab.engine.model;

import org.factorlab.engine.work.JobSpec;

import java.util.Map;

/**
 * A way of running the work of a job — one loop, a thread pool, child processes, an event loop, … —
 * with identical results: only the time differs. Found by name through {@link ModelRegistry}.
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li>{@link #execute} takes chunks from the source until it returns {@code null}, processes each
 *       with a {@link org.factorlab.engine.work.ChunkProcessor} (or an equivalent that produces the same
 *       bytes), hands each result to the sink exactly once, and returns only when every chunk it took
 *       has been handed over. It may call the sink from any thread.</li>
 *   <li><b>Failure.</b> A number that cannot be computed (a worker that keeps crashing, a task past its
 *       timeout) is reported in its chunk's result as an error, never dropped; the run goes on. An
 *       unexpected failure of the model itself is thrown from {@code execute} as an unchecked
 *       exception.</li>
 *   <li><b>Cancellation.</b> If the calling thread is interrupted, {@code execute} stops taking work,
 *       stops its workers within a second and throws {@link InterruptedException} (or
 *       {@link java.util.concurrent.CancellationException}).</li>
 *   <li><b>Resources.</b> The model owns every thread, process or event loop it starts. It may start
 *       them in its constructor or in {@code execute}; {@link #close()} releases all of them and is
 *       safe to call more than once and from a shutdown hook. Nothing outlives {@code close()}.</li>
 *   <li>A model runs one job at a time.</li>
 * </ul>
 *
 * <pre>{@code
 * try (ExecutionModel model = ModelRegistry.create("threads", ModelOptions.workers(4))) {
 *     model.execute(job, source, sink);
 * }
 * }</pre>
 */
public interface ExecutionModel extends AutoCloseable {

    /** The registered name, as users type it: {@code threads}, {@code processes}, … */
    String name();

    /** How many workers it runs (threads, processes, …): the divisor of its utilisation. */
    int workers();

    /**
     * Runs every chunk of the source.
     *
     * @throws InterruptedException if the calling thread was interrupted
     */
    void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException;

    /**
     * Measurements particular to this model for the run summary, in display order (e.g. the GIL's
     * hand-offs per second, the processes' start-up time and bytes over IPC). Empty by default.
     */
    default Map<String, String> details() {
        return Map.of();
    }

    /** CPU time used outside this JVM (child processes), in nanoseconds; 0 by default. */
    default long externalCpuNanos() {
        return 0;
    }

    /** Releases every thread, process and event loop; idempotent. */
    @Override
    void close();
}
