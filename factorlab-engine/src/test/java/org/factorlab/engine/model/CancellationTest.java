package org.factorlab.engine.model;

import org.factorlab.core.Algorithm;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Interrupting the thread that runs a job stops every model within a second and leaves nothing running. */
class CancellationTest {

    static Stream<String> models() {
        return ModelRegistry.names().stream();
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @Timeout(60)
    void interruptStopsTheRunPromptly(String modelName) throws Exception {
        Set<Thread> before = liveThreads();
        CountDownLatch working = new CountDownLatch(1);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        ExecutionModel model = ModelRegistry.create(modelName, ModelOptions.workers(2));
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                var endless = Jobs.seedWorkload(1, Long.MAX_VALUE / 2, 100);
                ChunkSource source = () -> {
                    synchronized (endless) {
                        return endless.next();
                    }
                };
                model.execute(Jobs.gnu(Algorithm.TRIAL), source, result -> working.countDown());
                ended.set(new AssertionError("an endless run returned"));
            } catch (Throwable t) {
                ended.set(t);
            } finally {
                model.close();
            }
        });
        assertThat(working.await(30, TimeUnit.SECONDS)).as("the model produced a result").isTrue();
        long t0 = System.nanoTime();
        runner.interrupt();
        runner.join(TimeUnit.SECONDS.toMillis(5));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(runner.isAlive()).as("still running after interrupt").isFalse();
        assertThat(seconds).as("seconds to stop").isLessThan(2.5);
        assertThat(ended.get()).isInstanceOfAny(InterruptedException.class, CancellationException.class);
        // every thread the model started ends (pool threads may take a moment after close())
        Set<Thread> started = liveThreads();
        started.removeAll(before);
        started.removeIf(t -> t.getName().startsWith("ForkJoinPool.commonPool"));
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
        assertThat(started).as("threads left by " + modelName).noneMatch(Thread::isAlive);
    }
}
