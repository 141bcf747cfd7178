package org.factorlab.engine.lab;

import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code lab race}: lost updates on one shared counter, and what each cure costs.
 *
 * <p><b>Implementation overview.</b> Each variant starts {@code threads} platform threads that wait
 * on one {@link CountDownLatch}, so they all begin together and really contend; each adds 1 to the
 * counter {@code increments} times. The clock runs from opening the gate to the last join. A plain
 * {@code long} field and a {@code volatile} one are read-modify-write in three steps, so two threads
 * can read the same value and one increment vanishes; {@code synchronized}, {@link ReentrantLock},
 * {@link AtomicLong} and {@link LongAdder} make the step indivisible and must count exactly. The
 * plain field may also come out exact: the JIT is free to keep it in a register and add the whole
 * loop at once. Whether updates are lost is reported, never assumed.
 *
 * <p>The check-then-act part has every thread walk the same keys doing
 * {@code if (!map.containsKey(n)) map.put(n, factors(n))} on one {@link HashMap}, then the same with
 * {@link ConcurrentHashMap#computeIfAbsent}. It counts how often each number was factored (more than
 * once is duplicated work), the entries that ended up in the map, and exceptions the unsafe map threw.
 *
 * <p>Every thread is joined before a variant is reported; threads that overrun a generous deadline
 * (a corrupted {@code HashMap} can in principle loop) are interrupted, reported and, being daemons,
 * cannot keep the JVM alive.
 */
public final class RaceExperiment {
    /** Defaults: 4 threads × 1,000,000 increments, 20,000 keys. */
    public static final int DEFAULT_THREADS = 4;
    public static final long DEFAULT_INCREMENTS = 1_000_000;
    public static final int DEFAULT_KEYS = 20_000;
    private static final long DEADLINE_SECONDS = 20;
    /** The first key of the check-then-act walk; numbers around 10^12 take AUTO a few microseconds. */
    private static final long FIRST_KEY = 1_000_000_000_000L;

    private RaceExperiment() {
    }

    /** One way of sharing the counter; {@code threadSafe} says whether it must count exactly. */
    public enum Variant {
        PLAIN("plain field", false), VOLATILE("volatile", false), SYNCHRONIZED("synchronized", true),
        LOCK("ReentrantLock", true), ATOMIC("AtomicLong", true), ADDER("LongAdder", true);

        private final String label;
        private final boolean threadSafe;

        Variant(String label, boolean threadSafe) {
            this.label = label;
            this.threadSafe = threadSafe;
        }

        public String label() {
            return label;
        }

        public boolean threadSafe() {
            return threadSafe;
        }
    }

    /** One counter variant's run: what it should have counted, what it counted, how long it took. */
    public record CounterRun(Variant variant, long expected, long actual, long nanos) {
        public long lost() {
            return expected - actual;
        }

        public double nanosPerIncrement() {
            return expected == 0 ? 0 : (double) nanos / expected;
        }
    }

    /**
     * One check-then-act run over a shared map of factor lists.
     *
     * @param map         which map ("HashMap check-then-act" or "ConcurrentHashMap.computeIfAbsent")
     * @param keys        distinct numbers every thread walked
     * @param factorCalls how many times a number was factored in all
     * @param duplicated  numbers factored more than once
     * @param entries     entries in the map afterwards (should equal {@code keys})
     * @param exceptions  exceptions thrown inside the threads
     * @param firstError  the first exception, or "" if none
     */
    public record CheckThenActRun(String map, int keys, long factorCalls, int duplicated, int entries, int exceptions,
                                  String firstError) {
    }

    private interface Counter {
        void increment();

        long value();
    }

    private static final class PlainCounter implements Counter {
        private long value;

        public void increment() {
            value++;
        }

        public long value() {
            return value;
        }
    }

    private static final class VolatileCounter implements Counter {
        private volatile long value;

        @SuppressWarnings("NonAtomicOperationOnVolatileField") // the race is the point
        public void increment() {
            value++;
        }

        public long value() {
            return value;
        }
    }

    private static final class SynchronizedCounter implements Counter {
        private long value;

        public synchronized void increment() {
            value++;
        }

        public synchronized long value() {
            return value;
        }
    }

    private static final class LockCounter implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private long value;

        public void increment() {
            lock.lock();
            try {
                value++;
            } finally {
                lock.unlock();
            }
        }

        public long value() {
            lock.lock();
            try {
                return value;
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class AtomicCounter implements Counter {
        private final AtomicLong value = new AtomicLong();

        public void increment() {
            value.incrementAndGet();
        }

        public long value() {
            return value.get();
        }
    }

    private static final class AdderCounter implements Counter {
        private final LongAdder value = new LongAdder();

        public void increment() {
            value.increment();
        }

        public long value() {
            return value.sum();
        }
    }

    private static Counter counter(Variant v) {
        return switch (v) {
            case PLAIN -> new PlainCounter();
            case VOLATILE -> new VolatileCounter();
            case SYNCHRONIZED -> new SynchronizedCounter();
            case LOCK -> new LockCounter();
            case ATOMIC -> new AtomicCounter();
            case ADDER -> new AdderCounter();
        };
    }

    /** Runs the whole experiment: every counter variant, then both maps. */
    public static LabResult run(int threads, long increments) {
        return run(threads, increments, DEFAULT_KEYS);
    }

    public static LabResult run(int threads, long increments, int keys) {
        List<CounterRun> counters = new ArrayList<>();
        for (Variant v : Variant.values()) {
            counters.add(count(v, threads, increments));
        }
        List<CheckThenActRun> maps = List.of(checkThenAct(false, threads, keys), checkThenAct(true, threads, keys));
        return result(threads, increments, counters, maps);
    }

    /** {@code threads} threads each increment one counter of kind {@code v} {@code increments} times. */
    public static CounterRun count(Variant v, int threads, long increments) {
        Counter c = counter(v);
        long nanos = together(threads, i -> {
            for (long k = 0; k < increments; k++) {
                c.increment();
            }
        });
        return new CounterRun(v, threads * increments, c.value(), nanos);
    }

    /** Every thread walks the same {@code keys} numbers, filling one shared map of factor lists. */
    public static CheckThenActRun checkThenAct(boolean concurrent, int threads, int keys) {
        Factorizer f = Algorithm.AUTO.factorizer();
        AtomicIntegerArray calls = new AtomicIntegerArray(keys);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        Map<Long, List<Long>> map = concurrent ? new ConcurrentHashMap<>() : new HashMap<>();
        together(threads, t -> {
            long[] out = new long[64];
            for (int i = 0; i < keys; i++) {
                long n = FIRST_KEY + i;
                int index = i;
                try {
                    if (concurrent) {
                        map.computeIfAbsent(n, k -> factors(f, k, out, calls, index));
                    } else if (!map.containsKey(n)) {
                        map.put(n, factors(f, n, out, calls, index));
                    }
                } catch (RuntimeException e) { // a HashMap written by many threads can throw anything
                    errors.incrementAndGet();
                    firstError.compareAndSet("", e.getClass().getSimpleName());
                }
            }
        });
        long total = 0;
        int duplicated = 0;
        for (int i = 0; i < keys; i++) {
            total += calls.get(i);
            duplicated += calls.get(i) > 1 ? 1 : 0;
        }
        int entries = (int) map.keySet().stream().count();
        String name = concurrent ? "ConcurrentHashMap.computeIfAbsent" : "HashMap check-then-act";
        return new CheckThenActRun(name, keys, total, duplicated, entries, (int) errors.get(), firstError.get());
    }

    private static List<Long> factors(Factorizer f, long n, long[] out, AtomicIntegerArray calls, int index) {
        calls.incrementAndGet(index);
        int k = f.factor(n, out);
        List<Long> list = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            list.add(out[i]);
        }
        return list;
    }

    private interface Work {
        void run(int thread);
    }

    /**
     * Starts {@code threads} daemon threads behind one gate, opens it, joins them all and returns
     * the nanoseconds from gate to last join. A thread past the deadline is interrupted and reported
     * as an {@link IllegalStateException}; the caller's interrupt is passed on the same way.
     */
    private static long together(int threads, Work work) {
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            started.add(Thread.ofPlatform().daemon().name("lab-race-" + t).start(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                work.run(id);
            }));
        }
        long start = System.nanoTime();
        gate.countDown();
        long deadline = start + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        try {
            for (Thread t : started) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
                    started.forEach(Thread::interrupt);
                    throw new IllegalStateException("race thread " + t.getName() + " did not finish in "
                            + DEADLINE_SECONDS + " s");
                }
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return System.nanoTime() - start;
    }

    /** The conclusions, computed from the measurements only. */
    public static List<String> conclusions(List<CounterRun> counters, List<CheckThenActRun> maps) {
        List<String> out = new ArrayList<>();
        List<CounterRun> lost = counters.stream().filter(r -> r.lost() != 0).toList();
        if (counters.isEmpty()) {
            // nothing measured, nothing to say about counters
        } else if (lost.isEmpty()) {
            out.add("None of the variants lost updates this run; the race in the plain and volatile counters is still"
                    + " there: run again or raise --increments.");
        } else {
            List<String> parts = lost.stream().map(r -> String.format(Locale.ROOT, "%s lost %,d of %,d (%.1f%%)",
                    r.variant().label(), r.lost(), r.expected(), 100.0 * r.lost() / r.expected())).toList();
            out.add("Lost updates this run: " + String.join("; ", parts) + ".");
            List<String> unsafeExact = counters.stream().filter(r -> !r.variant().threadSafe() && r.lost() == 0)
                    .map(r -> r.variant().label()).toList();
            if (!unsafeExact.isEmpty()) {
                out.add(String.join(" and ", unsafeExact) + " happened to count exactly this run, but nothing"
                        + " guarantees it.");
            }
        }
        List<String> brokenSafe = lost.stream().filter(r -> r.variant().threadSafe()).map(r -> r.variant().label()).toList();
        if (!brokenSafe.isEmpty()) {
            out.add("BUG: " + String.join(", ", brokenSafe) + " should never lose an update.");
        }
        List<CounterRun> exactSafe = counters.stream().filter(r -> r.variant().threadSafe() && r.lost() == 0).toList();
        if (exactSafe.size() >= 2) {
            CounterRun fastest = exactSafe.stream().min(Comparator.comparingLong(CounterRun::nanos)).orElseThrow();
            CounterRun slowest = exactSafe.stream().max(Comparator.comparingLong(CounterRun::nanos)).orElseThrow();
            out.add(String.format(Locale.ROOT, "Of the correct variants, %s was fastest (%.1f ns/increment) and %s"
                            + " slowest (%.1f ns/increment), %.1fx slower.", fastest.variant().label(),
                    fastest.nanosPerIncrement(), slowest.variant().label(), slowest.nanosPerIncrement(),
                    (double) slowest.nanos() / Math.max(1, fastest.nanos())));
        }
        for (CheckThenActRun m : maps) {
            out.add(mapConclusion(m));
        }
        return out;
    }

    private static String mapConclusion(CheckThenActRun m) {
        List<String> wrong = new ArrayList<>();
        if (m.duplicated() > 0) {
            wrong.add(String.format(Locale.ROOT, "factored %,d of %,d numbers more than once (%,d factorizations for"
                    + " %,d numbers)", m.duplicated(), m.keys(), m.factorCalls(), m.keys()));
        }
        if (m.entries() != m.keys()) {
            wrong.add(String.format(Locale.ROOT, "ended with %,d entries instead of %,d", m.entries(), m.keys()));
        }
        if (m.exceptions() > 0) {
            wrong.add(String.format(Locale.ROOT, "threw %,d exception%s (first: %s)", m.exceptions(),
                    m.exceptions() == 1 ? "" : "s", m.firstError()));
        }
        if (wrong.isEmpty()) {
            return String.format(Locale.ROOT, "%s factored each of the %,d numbers exactly once and kept them all.",
                    m.map(), m.keys());
        }
        return m.map() + " " + String.join(", ", wrong) + ".";
    }

    static LabResult result(int threads, long increments, List<CounterRun> counters, List<CheckThenActRun> maps) {
        String description = String.format(Locale.ROOT, "Starts %d threads together that each add 1 to one shared"
                + " counter %,d times, once for each way of sharing it: a plain long field, a volatile one,"
                + " synchronized methods, a ReentrantLock, an AtomicLong and a LongAdder. count++ is read, add, write;"
                + " without mutual exclusion two threads can read the same value and one update is lost. Then %d"
                + " threads fill one shared map of factor lists with check-then-act (if absent, factor and put) on a"
                + " plain HashMap, and with ConcurrentHashMap.computeIfAbsent, counting duplicated work and lost"
                + " entries.", threads, increments, threads);
        List<List<String>> rows = new ArrayList<>();
        for (CounterRun r : counters) {
            rows.add(List.of(r.variant().label(), String.format(Locale.ROOT, "%,d", r.expected()),
                    String.format(Locale.ROOT, "%,d", r.actual()), String.format(Locale.ROOT, "%,d", r.lost()),
                    String.format(Locale.ROOT, "%.2f%%", r.expected() == 0 ? 0.0 : 100.0 * r.lost() / r.expected()),
                    String.format(Locale.ROOT, "%.1f", r.nanos() / 1e6),
                    String.format(Locale.ROOT, "%.2f", r.nanosPerIncrement())));
        }
        LabTable counterTable = new LabTable(String.format(Locale.ROOT, "Shared counter: %d threads x %,d increments",
                threads, increments), List.of("variant", "expected", "actual", "lost", "lost %", "time ms", "ns/increment"), rows);
        List<List<String>> mapRows = new ArrayList<>();
        for (CheckThenActRun m : maps) {
            mapRows.add(List.of(m.map(), String.format(Locale.ROOT, "%,d", m.keys()),
                    String.format(Locale.ROOT, "%,d", m.factorCalls()), String.format(Locale.ROOT, "%,d", m.duplicated()),
                    String.format(Locale.ROOT, "%,d", m.entries()), String.valueOf(m.exceptions())));
        }
        LabTable mapTable = new LabTable(String.format(Locale.ROOT, "Check-then-act on a shared map of factor lists: %d"
                + " threads", threads), List.of("map", "numbers", "factorizations", "duplicated", "entries", "exceptions"),
                mapRows);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("threads", threads);
        data.put("increments", increments);
        data.put("counters", counters.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", r.variant().label());
            m.put("threadSafe", r.variant().threadSafe());
            m.put("expected", r.expected());
            m.put("actual", r.actual());
            m.put("lost", r.lost());
            m.put("nanos", r.nanos());
            return m;
        }).toList());
        data.put("checkThenAct", maps.stream().map(m -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("map", m.map());
            x.put("keys", m.keys());
            x.put("factorCalls", m.factorCalls());
            x.put("duplicated", m.duplicated());
            x.put("entries", m.entries());
            x.put("exceptions", m.exceptions());
            x.put("firstError", m.firstError());
            return x;
        }).toList());
        return new LabResult("race", description, List.of(counterTable, mapTable), conclusions(counters, maps), data);
    }
}
