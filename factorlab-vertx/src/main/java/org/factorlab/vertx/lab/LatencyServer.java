package org.factorlab.vertx.lab;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.factorlab.vertx.OwnedVertx;

import java.net.URI;

/**
 * An HTTP server on 127.0.0.1 (an ephemeral port) that answers every request {@code latencyMillis}
 * later — with a Vert.x timer, so a waiting request holds no thread: it stands for a database or a
 * remote service. It runs on its own Vert.x instance (two event loops), owned and closed by this object.
 */
final class LatencyServer implements AutoCloseable {
    private final OwnedVertx owned;
    private final int port;

    private LatencyServer(OwnedVertx owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    static LatencyServer start(long latencyMillis) throws InterruptedException {
        OwnedVertx owned = OwnedVertx.start(2, 1);
        try {
            HttpServer server = owned.vertx()
                    .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setAcceptBacklog(4096))
                    .requestHandler(request -> {
                        if (latencyMillis <= 0) {
                            request.response().end("ok");
                        } else {
                            owned.vertx().setTimer(latencyMillis, id -> request.response().end("ok"));
                        }
                    });
            HttpServer listening = OwnedVertx.await(server.listen(), 10_000);
            return new LatencyServer(owned, listening.actualPort());
        } catch (InterruptedException | RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Stops listening and closes its Vert.x, threads included. */
    @Override
    public void close() {
        owned.close();
    }
}
