package org.factorlab.vertx.lab;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorizer;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.lab.LabResult;
import org.factorlab.engine.lab.LabTable;
import org.factorlab.vertx.OwnedVertx;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * {@code lab io}: the same I/O-bound task — one HTTP request to a {@link LatencyServer} on 127.0.0.1
 * that answers after a fixed latency — run sequentially, on platform thread pools of 16 and 200, on
 * one virtual thread per task, and on one Vert.x event loop with its non-blocking client; then the same
 * thread counts on CPU-bound work (trial-division factoring), where threads beyond the cores buy nothing.
 *
 * <p>The batches differ in size so the whole stays under a minute: sequential runs {@code tasks/50}
 * requests (each a full latency), the pools {@code tasks/5}, virtual threads and the event loop
 * {@code tasks}; they are compared per task (wall time / tasks). Virtual threads and the event loop
 * keep at most {@link #MAX_CONNECTIONS} requests in flight: client and server live in this one process,
 * so each connection costs two file descriptors.
 *
 * <p>Thread safety: {@link #run} owns everything it starts (server, clients, pools, Vert.x) and closes
 * it before returning, also on failure.
 */
public final class IoExperiment {
    /** At most this many requests in flight for virtual threads and the event loop. */
    static final int MAX_CONNECTIONS = 1000;
    static final int SMALL_POOL = 16;
    static final int LARGE_POOL = 200;
    private static final long REQUEST_TIMEOUT_SECONDS = 30;
    /** Numbers each CPU task factors, from the range below: a few milliseconds of trial division. */
    private static final int NUMBERS_PER_CPU_TASK = 20;
    private static final long CPU_MIN = 1_000_000_000L;
    private static final long CPU_MAX = 100_000_000_000L;

    private IoExperiment() {
    }

    /**
     * @param latencyMillis how long the server waits before it answers each request
     * @param tasks         the batch size of virtual threads and the event loop; the others scale from it
     */
    public record Options(long latencyMillis, int tasks) {
        public static final Options DEFAULTS = new Options(20, 5_000);

        public Options {
            if (latencyMillis < 0 || latencyMillis > 1000) {
                throw new IllegalArgumentException("--latency must be from 0 to 1000 ms: " + latencyMillis);
            }
            if (tasks < 50 || tasks > 100_000) {
                throw new IllegalArgumentException("--tasks must be from 50 to 100000: " + tasks);
            }
        }

        int sequentialTasks() {
            return Math.max(1, tasks / 50);
        }

        int poolTasks() {
            return Math.max(1, tasks / 5);
        }

        int cpuTasks() {
            return Math.max(LARGE_POOL / 2, tasks / 50);
        }
    }

    /** Runs the experiment; everything it started is closed when it returns. */
    public static LabResult run(Options options) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        List<TaskRun> io = new ArrayList<>();
        try (LatencyServer server = LatencyServer.start(options.latencyMillis())) {
            URI uri = server.uri();
            sequential(uri, Math.min(20, options.sequentialTasks())); // warm-up: class loading, JIT
            io.add(sequential(uri, options.sequentialTasks()));
            io.add(platformPool(uri, SMALL_POOL, options.poolTasks()));
            io.add(platformPool(uri, LARGE_POOL, options.poolTasks()));
            io.add(virtualThreads(uri, options.tasks()));
            io.add(eventLoop(server.port(), options.tasks()));
        }
        List<TaskRun> cpu = new ArrayList<>();
        cpuBound(1, options.cpuTasks() / 2); // warm-up: the JIT compiles trial division
        cpu.add(cpuBound(1, options.cpuTasks()));
        if (cores > 1 && cores < SMALL_POOL) {
            cpu.add(cpuBound(cores, options.cpuTasks()));
        }
        cpu.add(cpuBound(SMALL_POOL, options.cpuTasks()));
        cpu.add(cpuBound(LARGE_POOL, options.cpuTasks()));
        cpu.add(cpuBound(-1, options.cpuTasks()));

        List<String> conclusions = new ArrayList<>(ioConclusions(options.latencyMillis(), io.get(0), io.get(1),
                io.get(2), io.get(3), io.get(4)));
        conclusions.addAll(cpuConclusions(cores, cpu));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("latency_ms", options.latencyMillis());
        data.put("cores", cores);
        data.put("max_connections", MAX_CONNECTIONS);
        data.put("io", io.stream().map(TaskRun::data).toList());
        data.put("cpu", cpu.stream().map(TaskRun::data).toList());
        return new LabResult("io", description(options), List.of(
                table(String.format(Locale.ROOT, "I/O-bound: one HTTP request each, answered after %d ms", options.latencyMillis()), io),
                table(String.format(Locale.ROOT, "CPU-bound: trial division of %d numbers each, on %d cores", NUMBERS_PER_CPU_TASK, cores), cpu)),
                conclusions, data);
    }

    private static String description(Options o) {
        return String.format(Locale.ROOT, "I/O-bound tasks mostly wait. The lab starts an HTTP server on 127.0.0.1 that "
                + "answers every request after %d ms without holding a thread (a Vert.x timer), then sends requests to it: "
                + "%,d one after another; %,d on platform thread pools of %d and %d threads (blocking java.net.http client); "
                + "%,d on one virtual thread each; and %,d from one Vert.x event loop with its non-blocking client (virtual "
                + "threads and the event loop keep at most %,d requests in flight). Batches differ in size, so they are "
                + "compared per task (wall time / tasks). Then the same thread counts factor numbers by trial division, "
                + "CPU-bound work that no amount of threads can spread beyond the cores.",
                o.latencyMillis(), o.sequentialTasks(), o.poolTasks(), SMALL_POOL, LARGE_POOL, o.tasks(), o.tasks(),
                MAX_CONNECTIONS);
    }

    private static LabTable table(String title, List<TaskRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskRun r : runs) {
            rows.add(List.of(r.approach(), String.format(Locale.ROOT, "%,d", r.threads()),
                    String.format(Locale.ROOT, "%,d", r.tasks()), TaskRun.millis(r.wallMillis()),
                    TaskRun.millis(r.perTaskMillis()), String.format(Locale.ROOT, "%,.0f", r.tasksPerSecond())));
        }
        return new LabTable(title, List.of("approach", "threads", "tasks", "wall", "per task", "tasks/s"), rows);
    }

    // ---- the I/O-bound runs ------------------------------------------------------------------------

    /** {@code tasks} requests, one after another, on the calling thread. */
    static TaskRun sequential(URI uri, int tasks) throws InterruptedException {
        try (java.net.http.HttpClient client = blockingClient()) {
            long start = System.nanoTime();
            for (int i = 0; i < tasks; i++) {
                get(client, uri);
            }
            return new TaskRun("sequential", 1, tasks, System.nanoTime() - start);
        }
    }

    /** {@code tasks} requests on a fixed pool of {@code threads} platform threads, each blocking on its request. */
    static TaskRun platformPool(URI uri, int threads, int tasks) throws InterruptedException {
        try (java.net.http.HttpClient client = blockingClient()) {
            ThreadFactory factory = Thread.ofPlatform().name("lab-io-pool-", 0).daemon(true).factory();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads, factory)) {
                awaitAll(pool, tasks, () -> get(client, uri));
            }
            return new TaskRun("on " + threads + " platform threads", threads, tasks, System.nanoTime() - start);
        }
    }

    /** {@code tasks} requests, one virtual thread each, at most {@link #MAX_CONNECTIONS} in flight. */
    static TaskRun virtualThreads(URI uri, int tasks) throws InterruptedException {
        Semaphore inFlight = new Semaphore(MAX_CONNECTIONS);
        try (java.net.http.HttpClient client = blockingClient()) {
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                awaitAll(pool, tasks, () -> {
                    inFlight.acquire();
                    try {
                        get(client, uri);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            return new TaskRun("on virtual threads", tasks, tasks, System.nanoTime() - start);
        }
    }

    /**
     * {@code tasks} requests started at once from one event loop with Vert.x's non-blocking client, whose
     * connection pool ({@link #MAX_CONNECTIONS}) queues the rest; no thread waits for an answer.
     */
    static TaskRun eventLoop(int port, int tasks) throws InterruptedException {
        try (OwnedVertx owned = OwnedVertx.start(1, 1)) {
            Vertx vertx = owned.vertx();
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
                    new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS).setMaxWaitQueueSize(-1));
            long start = System.nanoTime();
            Future<?> all = Future.future(done -> vertx.runOnContext(v -> {
                List<Future<?>> requests = new ArrayList<>(tasks);
                for (int i = 0; i < tasks; i++) {
                    requests.add(client.request(HttpMethod.GET, "/")
                            .compose(request -> request.send())
                            .compose(response -> response.statusCode() == 200 ? response.body()
                                    : Future.failedFuture("the server answered " + response.statusCode())));
                }
                Future.all(requests).onComplete(r -> {
                    if (r.succeeded()) {
                        done.complete();
                    } else {
                        done.fail(r.cause());
                    }
                });
            }));
            OwnedVertx.await(all, REQUEST_TIMEOUT_SECONDS * 1000);
            return new TaskRun("on 1 event loop", 1, tasks, System.nanoTime() - start);
        }
    }

    private static java.net.http.HttpClient blockingClient() {
        return java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                .build();
    }

    private static void get(java.net.http.HttpClient client, URI uri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the lab server answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("request to " + uri + " failed: " + e, e);
        }
    }

    /** A task that may block. */
    private interface Blocking {
        void run() throws InterruptedException;
    }

    /** Submits {@code tasks} copies of the task and rethrows the first failure. */
    private static void awaitAll(ExecutorService pool, int tasks, Blocking task) throws InterruptedException {
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            futures.add(pool.submit(() -> {
                task.run();
                return null;
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        }
    }

    // ---- the CPU-bound runs ------------------------------------------------------------------------

    /**
     * {@code tasks} factoring tasks: 1 thread = sequential on the caller, N &gt; 1 = a fixed platform pool,
     * -1 = one virtual thread each.
     */
    static TaskRun cpuBound(int threads, int tasks) throws InterruptedException {
        RandomWorkload numbers = new RandomWorkload(5, (long) tasks * NUMBERS_PER_CPU_TASK, CPU_MIN, CPU_MAX);
        long start = System.nanoTime();
        if (threads <= 1 && threads != -1) {
            for (int t = 0; t < tasks; t++) {
                factorTask(numbers, t);
            }
            return new TaskRun("sequential", 1, tasks, System.nanoTime() - start);
        }
        ExecutorService pool = threads == -1 ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("lab-cpu-pool-", 0).daemon(true).factory());
        try (pool) {
            for (int t = 0; t < tasks; t++) {
                int task = t;
                pool.execute(() -> factorTask(numbers, task));
            }
        }
        return threads == -1
                ? new TaskRun("on virtual threads", tasks, tasks, System.nanoTime() - start)
                : new TaskRun("on " + threads + " platform threads", threads, tasks, System.nanoTime() - start);
    }

    private static void factorTask(RandomWorkload numbers, int task) {
        Factorizer trial = Algorithm.TRIAL.factorizer();
        long[] factors = new long[64];
        for (int i = 0; i < NUMBERS_PER_CPU_TASK; i++) {
            trial.factor(numbers.number((long) task * NUMBERS_PER_CPU_TASK + i), factors);
        }
    }

    // ---- conclusions: pure functions of the measurements --------------------------------------------

    /** What the I/O-bound runs show, computed from them. */
    static List<String> ioConclusions(long latencyMillis, TaskRun sequential, TaskRun smallPool, TaskRun largePool,
                                      TaskRun virtual, TaskRun eventLoop) {
        List<String> out = new ArrayList<>();
        out.add(sentence(TaskRun.compare(perTask(virtual), virtual.perTaskMillis(), perTask(sequential),
                sequential.perTaskMillis()))
                + (virtual.perTaskMillis() < sequential.perTaskMillis()
                ? " The waits overlapped instead of adding up." : " Here overlapping the waits did not pay."));
        out.add(sentence(TaskRun.compare(perTask(virtual), virtual.perTaskMillis(), perTask(largePool),
                largePool.perTaskMillis())));
        out.add(sentence(TaskRun.compare(perTask(eventLoop), eventLoop.perTaskMillis(), perTask(virtual),
                virtual.perTaskMillis())) + String.format(Locale.ROOT,
                " The event loop used 1 thread for %,d requests, virtual threads %,d.", eventLoop.tasks(), virtual.threads()));
        if (latencyMillis > 0) {
            double bound = smallPool.threads() * 1000.0 / latencyMillis;
            out.add(String.format(Locale.ROOT, "%d blocking threads can finish at most %d / %d ms = %,.0f tasks/s; "
                            + "they reached %,.0f (%.0f%% of that bound): a blocked thread is a thread not available.",
                    smallPool.threads(), smallPool.threads(), latencyMillis, bound, smallPool.tasksPerSecond(),
                    100 * smallPool.tasksPerSecond() / bound));
        }
        return out;
    }

    /**
     * What the CPU-bound runs show: the best speed-up against sequential, bounded by the cores, and what
     * the largest pool did against the smallest pool with more than one thread.
     *
     * @param runs the sequential run first, then pools by size, then virtual threads
     */
    static List<String> cpuConclusions(int cores, List<TaskRun> runs) {
        TaskRun sequential = runs.getFirst();
        TaskRun best = runs.stream().min((a, b) -> Double.compare(a.perTaskMillis(), b.perTaskMillis())).orElseThrow();
        TaskRun fewest = runs.stream().filter(r -> r.threads() > 1 && r.approach().contains("platform")).findFirst().orElseThrow();
        TaskRun most = runs.stream().filter(r -> r.approach().contains("platform"))
                .max((a, b) -> Integer.compare(a.threads(), b.threads())).orElseThrow();
        List<String> out = new ArrayList<>();
        double speedUp = sequential.perTaskMillis() / best.perTaskMillis();
        out.add(String.format(Locale.ROOT, "On CPU-bound work the fastest was %s, %s the speed of sequential%s",
                best.approach(), TaskRun.times(speedUp),
                speedUp <= cores * 1.1
                        ? String.format(Locale.ROOT, ": with %d cores, no number of threads can do better than %dx.", cores, cores)
                        : String.format(Locale.ROOT, ", more than the %d cores allow: the sequential run was slowed by something else.", cores)));
        String verdict = TaskRun.compare(most.threads() + " platform threads", most.perTaskMillis(),
                fewest.threads() + " platform threads", fewest.perTaskMillis());
        out.add(sentence(verdict) + (most.perTaskMillis() >= fewest.perTaskMillis() / 1.1
                ? String.format(Locale.ROOT, " Threads beyond the %d cores gained nothing: they only take turns.", cores)
                : " Here more threads helped, so something in the work was not CPU-bound."));
        return out;
    }

    private static String perTask(TaskRun r) {
        return r.label() + " (" + TaskRun.millis(r.perTaskMillis()) + " per task)";
    }

    private static String sentence(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
