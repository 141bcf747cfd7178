package org.factorlab.vertx.lab;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorizer;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.lab.LabResult;
import org.factorlab.engine.lab.LabTable;
import org.factorlab.vertx.OwnedVertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code lab eventloop}: the seed's example of event-driven programming, then its classic mistake.
 *
 * <p><b>Part 1.</b> The calling thread (the emitter) raises N "job application submitted" events on the
 * Vert.x event bus. On the single event loop, handler 1 registers the application (an in-memory map) and
 * returns a future; chained on it, handler 2 writes a confirmation e-mail to a file in an outbox
 * directory with Vert.x's asynchronous file system, and its completion records the end-to-end latency.
 * No handler ever waits: each step is a callback on the one before.
 *
 * <p><b>Part 2.</b> A 10 ms heartbeat timer runs on the loop while a handler does ~200 ms of CPU work
 * (trial division) for each of a few events — once on the loop itself, once offloaded with
 * {@code executeBlocking}. How late the heartbeat fires is what every other client of a blocked loop
 * would feel.
 *
 * <p>Each part runs on its own {@link OwnedVertx} (one event loop), closed before {@link #run} returns;
 * the outbox is a temporary directory deleted at the end unless one was given.
 */
public final class EventLoopExperiment {
    static final String SUBMITTED = "job.application.submitted";
    static final String FACTOR = "lab.factor";
    static final long HEARTBEAT_MILLIS = 10;
    private static final long TIMEOUT_MILLIS = 30_000;
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private EventLoopExperiment() {
    }

    /**
     * @param applications   events raised in part 1
     * @param blockingEvents events with CPU work in part 2
     * @param workMillis     CPU work per event in part 2
     * @param outbox         where confirmations go and stay; {@code null}: a temporary directory, deleted
     */
    public record Options(int applications, int blockingEvents, long workMillis, Path outbox) {
        public static final Options DEFAULTS = new Options(200, 5, 200, null);

        public Options {
            if (applications < 1 || applications > 100_000) {
                throw new IllegalArgumentException("--applications must be from 1 to 100000: " + applications);
            }
            if (blockingEvents < 1 || blockingEvents > 50) {
                throw new IllegalArgumentException("--events must be from 1 to 50: " + blockingEvents);
            }
            if (workMillis < 1 || workMillis > 2000) {
                throw new IllegalArgumentException("--work must be from 1 to 2000 ms: " + workMillis);
            }
        }
    }

    /** Part 1's measurements. */
    record Applications(int submitted, int registered, int confirmations, long wallNanos, double meanLatencyMillis,
                        double maxLatencyMillis) {
    }

    /** Part 2's measurements for one placement of the work. */
    record Heartbeat(String mode, int events, long numbersFactored, int beats, double lagMaxMillis,
                     double lagMeanMillis) {
    }

    public static LabResult run(Options options) throws InterruptedException, IOException {
        Path outbox = options.outbox() != null ? Files.createDirectories(options.outbox())
                : Files.createTempDirectory("factorlab-outbox-");
        Applications apps;
        try {
            apps = submitApplications(options.applications(), outbox);
        } finally {
            if (options.outbox() == null) {
                deleteTree(outbox);
            }
        }
        Heartbeat onLoop = heartbeat(true, options.blockingEvents(), options.workMillis());
        Heartbeat offloaded = heartbeat(false, options.blockingEvents(), options.workMillis());

        List<String> conclusions = List.of(applicationsConclusion(apps), heartbeatConclusion(onLoop, offloaded));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applications", Map.of("submitted", apps.submitted(), "registered", apps.registered(),
                "confirmations", apps.confirmations(), "wall_ms", TaskRun.round(apps.wallNanos() / 1e6, 3),
                "latency_mean_ms", TaskRun.round(apps.meanLatencyMillis(), 3),
                "latency_max_ms", TaskRun.round(apps.maxLatencyMillis(), 3)));
        data.put("outbox", options.outbox() != null ? outbox.toString() : null);
        data.put("heartbeat_ms", HEARTBEAT_MILLIS);
        data.put("work_ms", options.workMillis());
        data.put("heartbeat", List.of(heartbeatData(onLoop), heartbeatData(offloaded)));
        LabTable appTable = new LabTable("Part 1: job applications through one event loop",
                List.of("submitted", "registered", "confirmations written", "wall", "latency mean", "latency max"),
                List.of(List.of(Integer.toString(apps.submitted()), Integer.toString(apps.registered()),
                        Integer.toString(apps.confirmations()), TaskRun.millis(apps.wallNanos() / 1e6),
                        TaskRun.millis(apps.meanLatencyMillis()), TaskRun.millis(apps.maxLatencyMillis()))));
        List<List<String>> rows = new ArrayList<>();
        for (Heartbeat h : List.of(onLoop, offloaded)) {
            rows.add(List.of(h.mode(), Integer.toString(h.events()), String.format(Locale.ROOT, "%,d", h.numbersFactored()),
                    Integer.toString(h.beats()), TaskRun.millis(h.lagMaxMillis()), TaskRun.millis(h.lagMeanMillis())));
        }
        LabTable beatTable = new LabTable(String.format(Locale.ROOT,
                "Part 2: a %d ms heartbeat while handlers compute for %d ms per event", HEARTBEAT_MILLIS, options.workMillis()),
                List.of("CPU work", "events", "numbers factored", "heartbeats", "lag max", "lag mean"), rows);
        return new LabResult("eventloop", description(options), List.of(appTable, beatTable), conclusions, data);
    }

    private static String description(Options o) {
        return String.format(Locale.ROOT, "Event-driven programming on one Vert.x event loop. An emitter raises %d "
                + "'job application submitted' events on the event bus; handler 1 registers each application in memory, "
                + "and a callback chained on it writes a confirmation e-mail to a local outbox file with Vert.x's "
                + "asynchronous file system (no mail server); the end-to-end latency of each application is measured. "
                + "Then a %d ms heartbeat timer runs while a handler does %d ms of trial-division factoring for each of "
                + "%d events: first on the loop itself, then offloaded with executeBlocking to a worker thread. How late "
                + "the heartbeat fires is what every other user of the loop would wait.",
                o.applications(), HEARTBEAT_MILLIS, o.workMillis(), o.blockingEvents());
    }

    private static Map<String, Object> heartbeatData(Heartbeat h) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mode", h.mode());
        d.put("events", h.events());
        d.put("numbers_factored", h.numbersFactored());
        d.put("beats", h.beats());
        d.put("lag_max_ms", TaskRun.round(h.lagMaxMillis(), 3));
        d.put("lag_mean_ms", TaskRun.round(h.lagMeanMillis(), 3));
        return d;
    }

    // ---- part 1 ------------------------------------------------------------------------------------

    /** Raises {@code n} application events from the calling thread and waits until all are confirmed. */
    static Applications submitApplications(int n, Path outbox) throws InterruptedException, IOException {
        Map<Integer, JsonObject> registry = new ConcurrentHashMap<>();
        long[] latencies = new long[n];
        try (OwnedVertx owned = OwnedVertx.start(1, 1)) {
            Vertx vertx = owned.vertx();
            Promise<Void> allConfirmed = Promise.promise();
            int[] confirmed = {0}; // touched only on the loop
            MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(SUBMITTED, message -> {
                JsonObject application = message.body();
                register(registry, application)
                        .compose(registered -> writeConfirmation(vertx, outbox, registered))
                        .onSuccess(done -> {
                            latencies[done.getInteger("id")] = System.nanoTime() - done.getLong("submitted_ns");
                            if (++confirmed[0] == n) {
                                allConfirmed.complete();
                            }
                        })
                        .onFailure(allConfirmed::tryFail);
            });
            OwnedVertx.await(consumer.completion(), TIMEOUT_MILLIS);
            long start = System.nanoTime();
            for (int id = 0; id < n; id++) {
                vertx.eventBus().send(SUBMITTED, new JsonObject().put("id", id).put("applicant", "applicant-" + id)
                        .put("submitted_ns", System.nanoTime()), LOCAL);
            }
            OwnedVertx.await(allConfirmed.future(), TIMEOUT_MILLIS);
            long wall = System.nanoTime() - start;
            long max = 0;
            long sum = 0;
            for (long l : latencies) {
                max = Math.max(max, l);
                sum += l;
            }
            return new Applications(n, registry.size(), countConfirmations(outbox), wall, sum / 1e6 / n, max / 1e6);
        }
    }

    /** Handler 1: registers the application; the future completes at once (the work is in memory). */
    private static Future<JsonObject> register(Map<Integer, JsonObject> registry, JsonObject application) {
        registry.put(application.getInteger("id"), application);
        return Future.succeededFuture(application);
    }

    /** Handler 2: writes the confirmation e-mail without blocking the loop; completes with the application. */
    private static Future<JsonObject> writeConfirmation(Vertx vertx, Path outbox, JsonObject application) {
        int id = application.getInteger("id");
        String mail = "To: " + application.getString("applicant") + "@example.invalid\n"
                + "Subject: We received your job application #" + id + "\n\n"
                + "Thank you for applying. Your application #" + id + " has been registered.\n";
        Path file = outbox.resolve("confirmation-" + id + ".eml");
        return vertx.fileSystem().writeFile(file.toString(), Buffer.buffer(mail)).map(application);
    }

    static int countConfirmations(Path outbox) throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return (int) files.filter(f -> f.getFileName().toString().matches("confirmation-\\d+\\.eml")).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ---- part 2 ------------------------------------------------------------------------------------

    /**
     * Runs a 10 ms heartbeat on a fresh one-loop Vert.x; after 3 beats, sends {@code events} events whose
     * handler factors for {@code workMillis} — on the loop or offloaded — and stops 3 beats after the last
     * one is done, so the lag it caused is measured.
     */
    static Heartbeat heartbeat(boolean onLoop, int events, long workMillis) throws InterruptedException {
        try (OwnedVertx owned = OwnedVertx.start(1, 2)) {
            Vertx vertx = owned.vertx();
            Promise<Heartbeat> result = Promise.promise();
            long[] factored = {0};
            int[] done = {0};
            MessageConsumer<Integer> consumer = vertx.eventBus().consumer(FACTOR, message -> {
                int event = message.body();
                if (onLoop) {
                    factored[0] += compute(event, workMillis);
                    done[0]++;
                } else {
                    vertx.executeBlocking(() -> compute(event, workMillis), false).onComplete(r -> {
                        if (r.succeeded()) {
                            factored[0] += r.result();
                            done[0]++;
                        } else {
                            result.tryFail(r.cause());
                        }
                    });
                }
            });
            OwnedVertx.await(consumer.completion(), TIMEOUT_MILLIS);
            long period = HEARTBEAT_MILLIS * 1_000_000;
            long[] state = new long[5]; // last beat, beats, lag max, lag sum, beats after the last event
            vertx.setPeriodic(HEARTBEAT_MILLIS, id -> {
                long now = System.nanoTime();
                if (state[1] > 0) {
                    long lag = Math.max(0, now - state[0] - period);
                    state[2] = Math.max(state[2], lag);
                    state[3] += lag;
                }
                state[0] = now;
                state[1]++;
                if (state[1] == 3) {
                    for (int e = 0; e < events; e++) {
                        vertx.eventBus().send(FACTOR, e, LOCAL);
                    }
                } else if (done[0] == events && ++state[4] == 3) {
                    vertx.cancelTimer(id);
                    int lags = (int) state[1] - 1;
                    result.tryComplete(new Heartbeat(onLoop ? "on the loop" : "offloaded (executeBlocking)", events,
                            factored[0], (int) state[1], state[2] / 1e6, state[3] / 1e6 / lags));
                }
            });
            return OwnedVertx.await(result.future(), TIMEOUT_MILLIS + events * workMillis);
        }
    }

    /** Factors random numbers by trial division for {@code millis}; returns how many. */
    private static long compute(int event, long millis) {
        Factorizer trial = Algorithm.TRIAL.factorizer();
        RandomWorkload numbers = new RandomWorkload(event, Long.MAX_VALUE, 1_000_000_000L, 100_000_000_000L);
        long[] factors = new long[64];
        long deadline = System.nanoTime() + millis * 1_000_000;
        long count = 0;
        while (System.nanoTime() < deadline) {
            trial.factor(numbers.number(count++), factors);
        }
        return count;
    }

    // ---- conclusions: pure functions of the measurements --------------------------------------------

    static String applicationsConclusion(Applications a) {
        String outcome = a.registered() == a.submitted() && a.confirmations() == a.submitted()
                ? String.format(Locale.ROOT, "All %d applications were registered and confirmed", a.submitted())
                : String.format(Locale.ROOT, "Only %d of %d applications were registered and %d confirmations written",
                a.registered(), a.submitted(), a.confirmations());
        return String.format(Locale.ROOT, "%s by one event-loop thread in %s, each within %s of being submitted "
                        + "(mean %s): the loop never waited for the disk, it was called back.",
                outcome, TaskRun.millis(a.wallNanos() / 1e6), TaskRun.millis(a.maxLatencyMillis()),
                TaskRun.millis(a.meanLatencyMillis()));
    }

    static String heartbeatConclusion(Heartbeat onLoop, Heartbeat offloaded) {
        String numbers = String.format(Locale.ROOT, "computing on the loop delayed the %d ms heartbeat by up to %s "
                        + "(mean %s); offloaded, by up to %s (mean %s)", HEARTBEAT_MILLIS,
                TaskRun.millis(onLoop.lagMaxMillis()), TaskRun.millis(onLoop.lagMeanMillis()),
                TaskRun.millis(offloaded.lagMaxMillis()), TaskRun.millis(offloaded.lagMeanMillis()));
        String verdict;
        if (onLoop.lagMaxMillis() > 2 * offloaded.lagMaxMillis() + 1) {
            verdict = ": a handler that computes stops every timer, request and callback behind it, so CPU work "
                    + "belongs on a worker.";
        } else if (offloaded.lagMaxMillis() > 2 * onLoop.lagMaxMillis() + 1) {
            verdict = ": here offloading made the heartbeat later, not sooner — the workers competed with the loop "
                    + "for too few cores.";
        } else {
            verdict = ": about the same either way, so this work was too short to block the loop noticeably.";
        }
        return Character.toUpperCase(numbers.charAt(0)) + numbers.substring(1) + verdict;
    }
}
