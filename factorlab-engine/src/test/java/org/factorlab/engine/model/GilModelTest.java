package org.factorlab.engine.model;

import org.factorlab.core.Algorithm;
import org.factorlab.engine.work.ChunkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class GilModelTest {
    /** Runs 2 GIL threads over a CPU-bound workload of large chunks; returns numbers done per thread. */
    private static Map<String, Long> run(GilModel model) throws InterruptedException {
        return run(model, 40_000, 2_000);
    }

    private static Map<String, Long> run(GilModel model, long count, int chunk) throws InterruptedException {
        Map<String, Long> perThread = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        var workload = Jobs.seedWorkload(99, count, chunk);
        ChunkSource source = () -> {
            synchronized (next) {
                next.incrementAndGet();
                return workload.next();
            }
        };
        ResultSink sink = (ChunkResult r) -> perThread.merge(Thread.currentThread().getName(), (long) r.count(), Long::sum);
        model.execute(Jobs.gnu(Algorithm.TRIAL), source, sink);
        return perThread;
    }

    @Test
    @Timeout(60)
    void bothThreadsMakeProgressUnderTheLock() throws InterruptedException {
        try (GilModel model = new GilModel(2, Duration.ofMillis(5))) {
            Map<String, Long> perThread = run(model);
            assertThat(perThread).hasSize(2);
            long total = perThread.values().stream().mapToLong(Long::longValue).sum();
            assertThat(total).isEqualTo(40_000);
            // neither thread starves: each computed at least a fifth of the numbers
            assertThat(perThread.values()).allMatch(n -> n >= total / 5);
            assertThat(model.gil().handoffs()).isPositive();
        }
    }

    @Test
    @Timeout(60)
    void handOffsFollowTheSwitchInterval() throws InterruptedException {
        // Four chunks only: the lock also changes hands between chunks, whatever the interval, and
        // with 20 chunks of 2,000 numbers a fast machine (the whole run in ~15-40 ms) had 19 such
        // hand-offs at 500 ms against 35 in all at 1 ms. With 200,000 numbers the run lasts long
        // enough at 1 ms (~0.1 s here, ~0.5 s on a slow vCPU) for the interval to decide.
        long fast;
        long slow;
        try (GilModel model = new GilModel(2, Duration.ofMillis(1))) {
            run(model, 200_000, 50_000);
            fast = model.gil().handoffs();
        }
        try (GilModel model = new GilModel(2, Duration.ofMillis(500))) {
            run(model, 200_000, 50_000);
            slow = model.gil().handoffs();
        }
        // ideally 500 times as many; a wide margin keeps this robust on a machine so busy that the
        // waiting thread is often not even scheduled (seen: 49 hand-offs at 1 ms under heavy load)
        assertThat(fast).as("hand-offs at 1 ms: %d, at 500 ms: %d", fast, slow).isGreaterThan(4 * slow);
    }

    @Test
    void aLoneThreadNeverHandsOff() throws InterruptedException {
        try (GilModel model = new GilModel(1, Duration.ofMillis(1))) {
            run(model);
            assertThat(model.gil().handoffs()).isZero();
        }
    }

    @Test
    void theHolderKeepsTheLockWhileNobodyWaits() {
        Gil gil = new Gil(Duration.ofMillis(5));
        gil.acquire();
        try {
            gil.yieldIfRequested(); // no one waits: keeps the lock
            assertThat(gil.handoffs()).isZero();
        } finally {
            gil.release();
        }
    }
}
