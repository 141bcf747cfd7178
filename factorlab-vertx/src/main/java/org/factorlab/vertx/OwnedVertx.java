package org.factorlab.vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.internal.VertxBootstrap;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A quiet Vert.x instance owned by one object, for the lab experiments: the same set-up as
 * {@link EventLoopModel} (no blocked-thread warnings — the experiments measure blocking themselves —,
 * no file cache, no hosts file or DNS servers read, daemon threads), and a {@link #close()} that returns
 * only once every thread this instance made has ended.
 *
 * <pre>{@code
 * try (OwnedVertx owned = OwnedVertx.start(1, 2)) {
 *     owned.vertx().setTimer(10, id -> ...);
 * }
 * }</pre>
 */
public final class OwnedVertx implements AutoCloseable {
    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final OwnedThreads threads = new OwnedThreads();
    private final Vertx vertx;
    private boolean closed;

    private OwnedVertx(int eventLoops, int workers) {
        VertxOptions options = quietOptions(eventLoops, workers);
        this.vertx = VertxBootstrap.create().options(options).threadFactory(threads).init().vertx();
    }

    /**
     * Options for a Vert.x that stays quiet and local: no blocked-thread warnings (factorlab measures
     * blocking itself), no file cache or class-path resolving on disk, an empty hosts file and a
     * resolver that is never asked (only 127.0.0.1 is ever used), daemon threads.
     */
    static VertxOptions quietOptions(int eventLoops, int workers) {
        return new VertxOptions()
                .setEventLoopPoolSize(eventLoops)
                .setWorkerPoolSize(workers)
                .setInternalBlockingPoolSize(1)
                .setUseDaemonThread(true)
                .setMaxEventLoopExecuteTime(Long.MAX_VALUE)
                .setMaxWorkerExecuteTime(Long.MAX_VALUE)
                .setBlockedThreadCheckInterval(1)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.HOURS)
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false))
                .setAddressResolverOptions(new AddressResolverOptions()
                        .setHostsValue(Buffer.buffer())
                        .setServers(List.of("127.0.0.1")));
    }

    /** Starts Vert.x with {@code eventLoops} event-loop threads and {@code workers} worker threads. */
    public static OwnedVertx start(int eventLoops, int workers) {
        if (eventLoops < 1 || workers < 1) {
            throw new IllegalArgumentException("event loops and workers must be at least 1: " + eventLoops + ", " + workers);
        }
        return new OwnedVertx(eventLoops, workers);
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * Waits for a Vert.x future from a thread outside Vert.x, at most {@code timeoutMillis}.
     *
     * @throws IllegalStateException if the future failed (with its cause) or timed out
     */
    public static <T> T await(Future<T> future, long timeoutMillis) throws InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from Vert.x within " + timeoutMillis + " ms", e);
        }
    }

    /** Closes Vert.x (servers, clients, timers, consumers) and waits up to two seconds for its threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        threads.closing();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    vertx.close().toCompletionStage().toCompletableFuture()
                            .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    break;
                }
            }
        } finally {
            threads.awaitTermination(deadline);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
