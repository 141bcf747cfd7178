package org.factorlab.vertx;

import org.factorlab.engine.model.Rethrow;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.internal.VertxBootstrap;
import org.factorlab.engine.model.ChunkSource;
import org.factorlab.engine.model.ExecutionModel;
import org.factorlab.engine.model.ModelOptions;
import org.factorlab.engine.model.ModelProvider;
import org.factorlab.engine.model.ResultSink;
import org.factorlab.engine.work.Chunk;
import org.factorlab.engine.work.JobSpec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Event-driven programming on Vert.x: an <b>emitter</b> turns the input into <b>events</b>, one
 * <b>event loop</b> thread runs the <b>handlers</b> — short callbacks — one after another, and CPU
 * work is offloaded to a worker pool whose results come back to the loop as events of their own.
 * This is the model of Node.js, Netty and Vert.x: one thread can juggle thousands of connections as
 * long as no callback runs long.
 *
 * <pre>
 *  emitter (execute's thread)        event loop (1 thread)                 worker pool (N threads)
 *  source.next() ── chunk event ──►  onChunk: executeBlocking ───────────► ChunkProcessor.process
 *  (blocks for back-pressure)        onResult: sink.accept  ◄── result ──  (the result event)
 *                                    heartbeat every 10 ms (measures lag)
 * </pre>
 *
 * <p><b>The classic mistake, {@code --on-loop}.</b> With {@code onLoop} the chunk handler factors the
 * chunk on the loop itself. The output is the same, but while a chunk is factored the loop can run
 * nothing else — no timer, no result, in a server no request — and everything runs on one core. The
 * summary shows it: {@code loop_blocked_total} (the time our handlers held the loop) approaches the
 * wall time, {@code loop_blocked_max} is a whole chunk's factoring, and {@code heartbeat_lag_max} (how
 * late a 10 ms timer fired) can reach the length of the whole run, because the loop runs the chunk
 * events already queued before it looks at its due timers, and the emitter keeps the queue full.
 * Offloaded, a handler holds the loop for microseconds — the first few for a millisecond or more,
 * while Vert.x's code is loaded and compiled, and any of them longer when the operating system gives
 * the loop's core to a worker (there are more threads than cores).
 *
 * <p><b>Events on the event bus.</b> The emitter sends each chunk to a local event-bus consumer rather
 * than scheduling a task with {@code Context.runOnContext}: both put the same callback on the same
 * loop, but the event bus says what the model teaches — an emitter publishes events to an address
 * without knowing its handlers, and handlers subscribe to it. Chunks travel by reference through a
 * {@link LocalCodec} (they are immutable), and every send is local-only: nothing touches the network.
 * The handlers live in a verticle ({@link ChunkHandlerVerticle}) deployed for each job, so its
 * consumer and timer are undeployed with it.
 *
 * <p><b>Shutting down</b> (interrupt or {@link #close()}) goes in this order, within one second: the
 * handlers are told to drop their work, which wakes the emitter; the chunks in flight drain (queued
 * events are skipped, a chunk being factored stops at its next number, and its completion still comes
 * back to the loop — at most half a second); only then is Vert.x closed, so the loop does not vanish
 * under a worker that still has a result to hand it; and last, every thread Vert.x made for this model
 * is joined.
 *
 * <p><b>Guarantees.</b>
 * <ul>
 *   <li>The same bytes as {@code sequential}: every chunk goes through a
 *       {@link org.factorlab.engine.work.ChunkProcessor} (one per thread), and the sink — called on the
 *       loop, where it only buffers and writes — restores the input order.</li>
 *   <li>Bounded memory: the emitter pulls the next chunk only when the source lets it (its back-pressure
 *       bounds the chunks in flight), so the event queue and the worker queue never hold more than that.
 *       {@code source.next()} may block, which is why it is never called on the loop.</li>
 *   <li>Failure: an exception from factoring or from the sink stops the emitter, and {@code execute}
 *       rethrows the first one once the chunks in flight are done.</li>
 *   <li>Cancellation: when the emitting thread is interrupted, the handlers drop their work (a chunk
 *       being factored stops at its next number, on a worker or on the loop), Vert.x is closed and
 *       {@code execute} throws {@link InterruptedException} within about a second. The model is then
 *       closed. {@link #close()} from another thread (a shutdown hook) makes {@code execute} throw
 *       {@link CancellationException}.</li>
 *   <li>Resources: one Vert.x instance per model, with one event loop and N worker threads (Vert.x's
 *       blocked-thread warnings off: we measure blocking ourselves; no file cache, no hosts file or
 *       DNS servers read). {@link #close()} closes it and waits until every one of its threads has
 *       ended — the only use of Vert.x's internal API ({@link VertxBootstrap}, to install
 *       {@link OwnedThreads}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (ExecutionModel model = new EventLoopModel(4, false)) {
 *     model.execute(job, source, sink);
 *     model.details();   // on_loop=false events=… loop_blocked_total=3.1ms …
 * }
 * }</pre>
 */
public final class EventLoopModel implements ExecutionModel {
    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int workers;
    private final boolean onLoop;
    private final OwnedThreads threads = new OwnedThreads();
    private final Vertx vertx;
    private final DeliveryOptions localOnly = new DeliveryOptions().setLocalOnly(true);
    private volatile LoopHealth health = new LoopHealth();
    private volatile ChunkHandlerVerticle running;
    private boolean closed;
    /** The thread inside {@link #execute}, which {@link #close()} interrupts; guarded by this. */
    private Thread emitter;
    private boolean emitterInterruptedByClose;

    /**
     * Starts Vert.x with one event loop and {@code workers} worker threads.
     *
     * @param onLoop factor on the event loop itself (the mistake the model demonstrates)
     */
    public EventLoopModel(int workers, boolean onLoop) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.workers = workers;
        this.onLoop = onLoop;
        VertxOptions options = OwnedVertx.quietOptions(1, workers);
        this.vertx = VertxBootstrap.create().options(options).threadFactory(threads).init().vertx();
        vertx.eventBus().registerDefaultCodec(Chunk.class, new LocalCodec<>("factorlab-chunk"));
    }

    @Override
    public String name() {
        return "eventloop";
    }

    /** N offloaded; 1 on the loop, since then only the loop thread factors. */
    @Override
    public int workers() {
        return onLoop ? 1 : workers;
    }

    @Override
    public void execute(JobSpec job, ChunkSource source, ResultSink sink) throws InterruptedException {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the eventloop model is closed");
            }
            emitter = Thread.currentThread();
        }
        LoopHealth runHealth = new LoopHealth();
        health = runHealth;
        InFlightChunks inFlight = new InFlightChunks();
        ChunkHandlerVerticle handlers = new ChunkHandlerVerticle(job, sink, inFlight, onLoop, runHealth);
        running = handlers;
        String deployment = null;
        try {
            deployment = await(vertx.deployVerticle(handlers));
            EventBus bus = vertx.eventBus();
            for (Chunk chunk; !inFlight.stopped() && (chunk = source.next()) != null; ) {
                inFlight.started();
                bus.send(ChunkHandlerVerticle.ADDRESS, chunk, localOnly);
            }
            inFlight.awaitAll();
        } catch (InterruptedException e) {
            if (leaveExecute()) {
                throw new CancellationException("the eventloop model was closed");
            }
            close();
            throw e;
        } catch (RuntimeException | Error e) {
            handlers.cancel(new CancellationException("the run failed"));
            throw e;
        } finally {
            running = null;
            if (!leaveExecute() && deployment != null) {
                awaitQuietly(vertx.undeploy(deployment), System.nanoTime() + CLOSE_TIMEOUT_NANOS);
            }
        }
    }

    /**
     * Forgets the emitting thread, so {@link #close()} will not interrupt it any more, and clears the
     * interrupt that {@code close()} may have sent it (it was meant for this {@code execute} only).
     *
     * @return whether the model has been closed
     */
    private synchronized boolean leaveExecute() {
        emitter = null;
        if (emitterInterruptedByClose) {
            emitterInterruptedByClose = false;
            Thread.interrupted();
        }
        return closed;
    }

    /**
     * The loop's health during the last run: {@code on_loop}, {@code events} (handler runs on the loop:
     * one per chunk, plus one per result coming back when offloaded), {@code loop_blocked_total} and
     * {@code loop_blocked_max} (time those handlers held the loop), {@code heartbeat_lag_max} (the
     * latest a 10 ms timer fired) and {@code worker_pool} (N).
     */
    @Override
    public Map<String, String> details() {
        LoopHealth h = health;
        Map<String, String> d = new LinkedHashMap<>();
        d.put("on_loop", Boolean.toString(onLoop));
        d.put("events", Long.toString(h.events()));
        d.put("loop_blocked_total", millis(h.blockedTotalNanos()));
        d.put("loop_blocked_max", millis(h.blockedMaxNanos()));
        d.put("heartbeat_lag_max", millis(h.heartbeatLagMaxNanos()));
        d.put("worker_pool", Integer.toString(workers));
        return d;
    }

    /**
     * Stops a running job (its {@code execute} throws {@link CancellationException}), closes Vert.x and
     * waits up to a second for it and all its threads to end. Idempotent; any thread.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (emitter != null && emitter != Thread.currentThread()) {
                // wakes it wherever it waits: for the source (back-pressure) or for the last results
                emitterInterruptedByClose = true;
                emitter.interrupt();
            }
        }
        long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        ChunkHandlerVerticle handlers = running;
        if (handlers != null) {
            handlers.cancel(new CancellationException("the eventloop model was closed"));
            handlers.awaitDrained(deadline - CLOSE_TIMEOUT_NANOS / 2);
        }
        threads.closing();
        awaitQuietly(vertx.close(), deadline);
        threads.awaitTermination(deadline);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
    }

    /** Waits for a Vert.x future from a thread outside Vert.x; rethrows its failure unchecked. */
    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw Rethrow.unchecked(cause);
        }
    }

    /** Waits for a future until the deadline, ignoring its outcome and interrupts (keeping the status). */
    private static void awaitQuietly(Future<?> future, long deadlineNanos) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.toCompletionStage().toCompletableFuture()
                            .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Registers {@code eventloop}. Touches no Vert.x class until {@link #create} is called. */
    public static final class Provider implements ModelProvider {
        @Override
        public String name() {
            return "eventloop";
        }

        @Override
        public String description() {
            return "Vert.x: chunk events on one event loop, factoring offloaded to N workers (--on-loop: on the loop)";
        }

        @Override
        public int order() {
            return 60;
        }

        @Override
        public ExecutionModel create(ModelOptions options) {
            return new EventLoopModel(options.workers(), options.onLoop());
        }
    }
}
