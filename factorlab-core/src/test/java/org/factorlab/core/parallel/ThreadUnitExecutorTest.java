package org.factorlab.core.parallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class ThreadUnitExecutorTest {

    /** Squares its number. */
    record Square(long x) implements WorkUnit<Long> {
        @Override
        public Long compute() {
            return x * x;
        }
    }

    /** Waits for a latch, then returns its id (bounded wait, so a broken test cannot hang). */
    record Blocked(int id, CountDownLatch gate) implements WorkUnit<Integer> {
        @Override
        public Integer compute() {
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            return id;
        }
    }

    private static Iterator<Square> squares(int n, AtomicInteger taken) {
        return IntStream.range(0, n).mapToObj(i -> {
            taken.incrementAndGet();
            return new Square(i);
        }).iterator();
    }

    @Test
    void everyUnitIsComputedAndConsumedOnce() {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(3)) {
            List<Long> results = new ArrayList<>();
            executor.execute(squares(1000, new AtomicInteger()), r -> results.add(r));
            assertThat(results).hasSize(1000);
            assertThat(results.stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(IntStream.range(0, 1000).mapToLong(i -> (long) i * i).sum());
        }
    }

    @Test
    void sameThreadGivesTheSameResultsInOrder() {
        List<Long> results = new ArrayList<>();
        UnitExecutor.SAME_THREAD.execute(squares(10, new AtomicInteger()), r -> results.add(r));
        assertThat(results).containsExactly(0L, 1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L, 81L);
    }

    @Test
    void aSinkThatSaysStopEndsTheJobAndTakesNoMoreUnits() {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            AtomicInteger taken = new AtomicInteger();
            AtomicInteger consumed = new AtomicInteger();
            executor.execute(squares(1_000_000, taken), r -> consumed.incrementAndGet() < 5);
            assertThat(consumed.get()).isEqualTo(5);
            // at most the 5 consumed plus the 3 x parallelism - 2 window
            assertThat(taken.get()).isLessThanOrEqualTo(5 + 4);
        }
    }

    @Test
    void unitsAreTakenAtMostTwoPerHelperAhead() throws InterruptedException {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            CountDownLatch gate = new CountDownLatch(1);
            AtomicInteger taken = new AtomicInteger();
            CountDownLatch threeTaken = new CountDownLatch(3);
            CountDownLatch fourthTaken = new CountDownLatch(4);
            Iterator<Blocked> units = IntStream.range(0, 100).mapToObj(i -> {
                taken.incrementAndGet();
                threeTaken.countDown();
                fourthTaken.countDown();
                return new Blocked(i, gate);
            }).iterator();
            AtomicInteger consumed = new AtomicInteger();
            Thread job = Thread.ofPlatform().start(() -> executor.execute(units, r -> {
                consumed.incrementAndGet();
                return true;
            }));
            // nothing completes before the gate opens: the caller's unit and two queued for the
            // one helper (which is computing one of them) are out, and no more
            assertThat(threeTaken.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(fourthTaken.await(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(taken.get()).isEqualTo(3);
            assertThat(consumed.get()).isZero();
            gate.countDown();
            job.join(20_000);
            assertThat(consumed.get()).isEqualTo(100);
            assertThat(executor.busyThreads()).isZero();
        }
    }

    /** Counts down when it starts, then waits for a gate; returns the name of its thread. */
    record Marked(CountDownLatch started, CountDownLatch gate) implements WorkUnit<String> {
        @Override
        public String compute() {
            started.countDown();
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            return Thread.currentThread().getName();
        }
    }

    @Test
    void aLoneJobGetsEveryCore() {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            // the gate opens when two units have started: on one thread the first would wait out its
            // 20 s alone, and the set would name one thread
            CountDownLatch twoStarted = new CountDownLatch(2);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Iterator<Marked> units = IntStream.range(0, 2).mapToObj(i -> new Marked(twoStarted, twoStarted)).iterator();
            executor.execute(units, r -> threads.add(r));
            assertThat(threads).hasSize(2).contains(Thread.currentThread().getName());
            assertThat(executor.busyThreads()).isZero();
        }
    }

    @Test
    void whenEveryCoreIsBusyAJobRunsOnItsCallerAlone() throws InterruptedException {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            // job A occupies both threads (its caller and a helper), each blocked in a unit
            CountDownLatch aStarted = new CountDownLatch(2);
            CountDownLatch gate = new CountDownLatch(1);
            Thread a = Thread.ofPlatform().start(() -> executor.execute(
                    IntStream.range(0, 4).mapToObj(i -> new Marked(aStarted, gate)).iterator(), r -> true));
            assertThat(aStarted.await(20, TimeUnit.SECONDS)).isTrue();
            // job B, meanwhile, computes every unit on its own thread
            Set<String> threads = ConcurrentHashMap.newKeySet();
            CountDownLatch open = new CountDownLatch(0);
            executor.execute(IntStream.range(0, 20).mapToObj(i -> new Marked(new CountDownLatch(1), open)).iterator(),
                    r -> threads.add(r));
            assertThat(threads).containsExactly(Thread.currentThread().getName());
            gate.countDown();
            a.join(20_000);
            assertThat(a.isAlive()).isFalse();
            assertThat(executor.busyThreads()).isZero();
        }
    }

    @Test
    void aCoreAnotherWorkerOccupiesIsNotLentToAJob() throws InterruptedException {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            // worker W holds a core (as a batch worker does for its whole chunk) without running units
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread w = Thread.ofPlatform().start(() -> {
                try (ThreadUnitExecutor.Occupancy occupancy = executor.occupy()) {
                    held.countDown();
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            CountDownLatch open = new CountDownLatch(0);
            executor.execute(IntStream.range(0, 20).mapToObj(i -> new Marked(new CountDownLatch(1), open)).iterator(),
                    r -> threads.add(r));
            assertThat(threads).containsExactly(Thread.currentThread().getName());
            // once W gives its core back, a job gets both again
            release.countDown();
            w.join(20_000);
            assertThat(w.isAlive()).isFalse();
            assertThat(executor.busyThreads()).isZero();
            CountDownLatch twoStarted = new CountDownLatch(2);
            Set<String> both = ConcurrentHashMap.newKeySet();
            executor.execute(IntStream.range(0, 2).mapToObj(i -> new Marked(twoStarted, twoStarted)).iterator(),
                    r -> both.add(r));
            assertThat(both).hasSize(2);
            assertThat(executor.busyThreads()).isZero();
        }
    }

    @Test
    void aCallerThatOccupiesACoreIsCountedOnce() {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            try (ThreadUnitExecutor.Occupancy occupancy = executor.occupy()) {
                assertThat(executor.busyThreads()).isEqualTo(1);
                assertThatThrownBy(executor::occupy).isInstanceOf(IllegalStateException.class);
                // its own job still gets the other core: two units must run at once to finish
                CountDownLatch twoStarted = new CountDownLatch(2);
                Set<String> threads = ConcurrentHashMap.newKeySet();
                executor.execute(IntStream.range(0, 2).mapToObj(i -> new Marked(twoStarted, twoStarted)).iterator(),
                        r -> threads.add(r));
                assertThat(threads).hasSize(2).contains(Thread.currentThread().getName());
                assertThat(executor.busyThreads()).isEqualTo(1);
                occupancy.close();
                assertThat(executor.busyThreads()).isZero();
            } // closed again here: nothing is given back twice
            assertThat(executor.busyThreads()).isZero();
        }
    }

    @Test
    void aJobThatStopsEarlyLeavesNothingRunningAndNoCoreReserved() {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(3)) {
            AtomicInteger consumed = new AtomicInteger();
            executor.execute(squares(1_000_000, new AtomicInteger()), r -> consumed.incrementAndGet() < 3);
            assertThat(consumed.get()).isEqualTo(3);
            assertThat(executor.busyThreads()).isZero();
        }
    }

    @Test
    void nullResultsReachTheSinkAsNull() {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            List<Integer> results = java.util.Collections.synchronizedList(new ArrayList<>());
            executor.execute(IntStream.range(0, 50).<WorkUnit<Integer>>mapToObj(i -> () -> i % 2 == 0 ? null : i)
                    .iterator(), r -> results.add(r));
            assertThat(results).hasSize(50);
            assertThat(results.stream().filter(java.util.Objects::isNull).count()).isEqualTo(25);
        }
    }

    @Test
    void aFailingUnitFailsTheJob() {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            Iterator<WorkUnit<Long>> units = List.<WorkUnit<Long>>of(new Square(2), () -> {
                throw new IllegalStateException("boom");
            }, new Square(3)).iterator();
            assertThatThrownBy(() -> executor.execute(units, r -> true))
                    .isInstanceOf(IllegalStateException.class).hasMessage("boom");
        }
    }

    @Test
    void anInterruptedCallerGetsCancellationAndRunningUnitsAreInterrupted() throws InterruptedException {
        try (ThreadUnitExecutor executor = new ThreadUnitExecutor(2)) {
            CountDownLatch never = new CountDownLatch(1);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread job = Thread.ofPlatform().start(() -> {
                try {
                    executor.execute(IntStream.range(0, 10).mapToObj(i -> new Blocked(i, never)).iterator(),
                            r -> true);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            job.interrupt();
            job.join(10_000);
            assertThat(job.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void sharedExecutorsAreOnePerParallelism() {
        assertThat(ThreadUnitExecutor.shared(2)).isSameAs(ThreadUnitExecutor.shared(2));
        assertThat(ThreadUnitExecutor.shared(3).parallelism()).isEqualTo(3);
        assertThatThrownBy(() -> new ThreadUnitExecutor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
