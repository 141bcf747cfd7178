package org.factorlab.core.factor;

import org.factorlab.core.Algorithm;
import org.factorlab.core.Factorizer;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CancellationTest {

    /** Runs {@code work} on a new thread, interrupts it once started, and returns what it threw. */
    static Throwable interruptWhileRunning(Runnable work) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagStillSet = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                work.run();
            } catch (Throwable t) {
                thrown.set(t);
                flagStillSet.set(Thread.currentThread().isInterrupted());
            }
        });
        worker.start();
        started.await();
        worker.interrupt();
        worker.join(Duration.ofSeconds(5));
        assertThat(worker.isAlive()).as("worker stopped").isFalse();
        assertThat(flagStillSet).as("interrupt flag left set").isTrue();
        return thrown.get();
    }

    @Test
    void autoStopsFactoringAHardSemiprime() {
        Random random = new Random(4040);
        BigInteger n = BigInteger.probablePrime(133, random).multiply(BigInteger.probablePrime(133, random));
        Factorizer auto = Algorithm.AUTO.factorizer();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(interruptWhileRunning(() -> auto.factor(n))).isInstanceOf(CancellationException.class));
    }

    @Test
    void trialDivisionStopsOnA64BitPrime() {
        Factorizer trial = Algorithm.TRIAL.factorizer();
        long prime = Long.parseUnsignedLong("18446744073709551557");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(interruptWhileRunning(() -> trial.factor(prime, new long[64])))
                        .isInstanceOf(CancellationException.class));
    }

    @Test
    void trialDivisionStopsOnALargeNumber() {
        Factorizer trial = Algorithm.TRIAL.factorizer();
        BigInteger n = BigInteger.probablePrime(100, new Random(1));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(interruptWhileRunning(() -> trial.factor(n))).isInstanceOf(CancellationException.class));
    }
}
