package org.factorlab.vertx;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.factorlab.engine.model.ResultSink;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.ChunkProcessor;
import org.factorlab.engine.work.ChunkResult;
import org.factorlab.engine.work.JobSpec;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * The handlers of one job, all running on the event loop: one for each chunk event, one for each
 * result a worker sends back, and a heartbeat timer that measures how late the loop answers.
 *
 * <p>Every handler is a short callback that records how long it held the loop in {@link LoopHealth}.
 * Offloaded, a chunk handler only hands the chunk to the worker pool; with {@code onLoop} it factors
 * the chunk itself, and for that whole time the loop can run no other callback — not the heartbeat,
 * not the results of other chunks.
 *
 * <p>After {@link #cancel} the handlers drop what reaches them, but still count each dropped chunk as
 * finished, so that {@code close()} can wait for the chunks in flight to drain.
 *
 * <p>State touched only from the loop (the heartbeat fields) needs no locks: a verticle's handlers
 * all run on its one event-loop thread.
 */
final class ChunkHandlerVerticle extends VerticleBase {
    /** The event-bus address the emitter sends chunks to. */
    static final String ADDRESS = "factorlab.chunks";

    private static final long HEARTBEAT_MILLIS = 10;

    private final ResultSink sink;
    private final InFlightChunks inFlight;
    private final boolean onLoop;
    private final LoopHealth health;
    /** One processor per thread that factors (each worker, or the loop): they are not thread-safe. */
    private final ThreadLocal<ChunkProcessor> processors;
    /** Run between two numbers of a chunk: stops a long chunk at once when the run is cancelled. */
    private final Runnable cancellationPoint;
    private volatile boolean cancelled;
    private MessageConsumer<Chunk> consumer;
    private long heartbeatTimer;
    private long heartbeatDue;
    private boolean running;

    ChunkHandlerVerticle(JobSpec job, ResultSink sink, InFlightChunks inFlight, boolean onLoop, LoopHealth health) {
        this.sink = sink;
        this.inFlight = inFlight;
        this.onLoop = onLoop;
        this.health = health;
        this.processors = ThreadLocal.withInitial(() -> new ChunkProcessor(job));
        this.cancellationPoint = () -> {
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
        };
    }

    @Override
    public Future<?> start() {
        running = true;
        consumer = vertx.eventBus().localConsumer(ADDRESS, this::onChunk);
        scheduleHeartbeat();
        return consumer.completion();
    }

    @Override
    public Future<?> stop() {
        running = false;
        if (vertx.cancelTimer(heartbeatTimer)) {
            // not fired yet: if it is overdue, it is late by at least this much (a loop kept busy by a
            // steady stream of chunk events may not get to its timers before the run ends)
            health.heartbeat(System.nanoTime() - heartbeatDue);
        }
        return consumer.unregister();
    }

    /**
     * Makes every handler drop its work from now on (a running chunk stops at its next number) and
     * wakes the emitter with {@code reason}. Any thread.
     */
    void cancel(CancellationException reason) {
        cancelled = true;
        inFlight.abort(reason);
    }

    /**
     * After {@link #cancel}: waits (until the deadline) for every chunk in flight to be dropped — the
     * queued events skipped, the running chunks stopped and their completions back on the loop — so the
     * loop is not shut down under a worker that still has a result to hand it.
     */
    void awaitDrained(long deadlineNanos) {
        inFlight.awaitDrained(deadlineNanos);
    }

    /** A chunk event: factor it here ({@code onLoop}) or offload it to a worker. */
    private void onChunk(Message<Chunk> message) {
        long t0 = System.nanoTime();
        try {
            if (cancelled) {
                inFlight.finished(null); // dropped
                return;
            }
            Chunk chunk = message.body();
            if (onLoop) {
                deliver(processors.get().process(chunk, cancellationPoint));
            } else {
                context.executeBlocking(() -> processors.get().process(chunk, cancellationPoint), false)
                        .onComplete(this::onResult);
            }
        } catch (Throwable t) {
            inFlight.finished(t);
        } finally {
            health.handlerRan(System.nanoTime() - t0);
        }
    }

    /** A worker's result, delivered back on the loop as an event of its own. */
    private void onResult(AsyncResult<ChunkResult> result) {
        long t0 = System.nanoTime();
        try {
            if (cancelled) {
                inFlight.finished(null); // dropped, or stopped part-way
                return;
            }
            if (result.succeeded()) {
                deliver(result.result());
            } else {
                inFlight.finished(result.cause());
            }
        } catch (Throwable t) {
            inFlight.finished(t);
        } finally {
            health.handlerRan(System.nanoTime() - t0);
        }
    }

    private void deliver(ChunkResult result) {
        sink.accept(result);
        inFlight.finished(null);
    }

    /**
     * A one-shot timer re-armed at each firing, so each firing is measured against its own due time
     * (a periodic timer would fire a burst of catch-up ticks after a block and hide the lag).
     */
    private void scheduleHeartbeat() {
        heartbeatDue = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS);
        heartbeatTimer = vertx.setTimer(HEARTBEAT_MILLIS, id -> {
            health.heartbeat(System.nanoTime() - heartbeatDue);
            if (running) {
                scheduleHeartbeat();
            }
        });
    }
}
