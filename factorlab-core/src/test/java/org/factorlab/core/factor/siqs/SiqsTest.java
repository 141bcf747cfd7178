package org.factorlab.core.factor.siqs;

import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.parallel.ThreadUnitExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SiqsTest {

    /** (p, q): semiprimes whose primes this test picked, 25 to 45 digits. */
    static Stream<Arguments> semiprimes() {
        Random random = new Random(2026);
        List<Arguments> out = new ArrayList<>();
        for (int digits = 25; digits <= 43; digits += 3) {
            int bits = (int) Math.ceil(digits * Math.log(10) / Math.log(2));
            BigInteger p = BigInteger.probablePrime(bits / 2, random);
            BigInteger q = BigInteger.probablePrime(bits - bits / 2, random);
            out.add(Arguments.of(p, q));
        }
        return out.stream();
    }

    private static void assertSplits(BigInteger p, BigInteger q, BigInteger f) {
        assertThat(f).isIn(p, q);
    }

    /**
     * The table-driven Knuth–Schroeppel choice equals the score computed the textbook way, symbols
     * from BigInteger remainders, for seeded numbers of 20 to 70 digits (odd, so that every multiplier
     * is in play).
     */
    @Test
    void multiplierMaximisesTheKnuthSchroeppelScore() {
        int[] ks = {1, 3, 5, 7, 11, 13, 15, 17, 19, 21, 23, 29, 31, 33, 35, 37, 39, 41, 43, 47, 51, 53, 55, 57, 59, 61,
                65, 67, 69, 71, 73};
        int[] primes = FactorBase.primesUpTo(2000);
        Random random = new Random(77);
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int t = 0; t < 300; t++) {
            BigInteger n = new BigInteger(66 + random.nextInt(167), random).setBit(0).setBit(65);
            int best = 1;
            double bestScore = -1e9;
            for (int k : ks) {
                BigInteger kn = n.multiply(BigInteger.valueOf(k));
                int mod8 = kn.intValue() & 7;
                double score = -0.5 * Math.log(k) + (mod8 == 1 ? 2 : mod8 == 5 ? 1 : 0.5) * Math.log(2);
                for (int i = 1; i < primes.length; i++) {
                    int p = primes[i];
                    int r = kn.mod(BigInteger.valueOf(p)).intValue();
                    if (r == 0) {
                        score += Math.log(p) / p;
                    } else if (BigInteger.valueOf(r).modPow(BigInteger.valueOf((p - 1) / 2), BigInteger.valueOf(p)).intValue() == 1) {
                        score += 2 * Math.log(p) / (p - 1);
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = k;
                }
            }
            assertThat(Siqs.multiplier(n)).as("multiplier of %s", n).isEqualTo(best);
            chosen.add(best);
        }
        assertThat(chosen).as("multipliers chosen").hasSizeGreaterThan(10);
    }

    @ParameterizedTest
    @MethodSource("semiprimes")
    void factorsSemiprimes(BigInteger p, BigInteger q) {
        assertSplits(p, q, Siqs.factor(p.multiply(q)));
    }

    @Test
    void threeFactorsGiveAProperDivisor() {
        Random random = new Random(3);
        BigInteger n = BigInteger.probablePrime(40, random).multiply(BigInteger.probablePrime(45, random))
                .multiply(BigInteger.probablePrime(50, random));
        BigInteger f = Siqs.factor(n);
        assertThat(f).isGreaterThan(BigInteger.ONE).isLessThan(n);
        assertThat(n.mod(f)).isEqualTo(BigInteger.ZERO);
    }

    @Test
    void deterministicWhateverTheExecutor() {
        BigInteger n = SiqsBench.semiprime(38, 9);
        BigInteger alone = Siqs.factor(n);
        try (ThreadUnitExecutor pool = new ThreadUnitExecutor(2)) {
            assertThat(Siqs.factor(n, pool, ProgressListener.NONE)).isEqualTo(alone);
        }
        assertThat(Siqs.factor(n)).isEqualTo(alone);
    }

    @Test
    void guardsAgainstPrimesAndSquares() {
        Random random = new Random(11);
        BigInteger p = BigInteger.probablePrime(100, random);
        assertThat(Siqs.factor(p)).isNull();
        assertThat(Siqs.factor(p.multiply(p))).isEqualTo(p);
    }

    @Test
    void outOfRangeGivesNull() {
        assertThat(Siqs.factor(BigInteger.valueOf(1_000_003L * 1_000_033L))).isNull();
        assertThat(Siqs.factor(BigInteger.TEN.pow(111).add(BigInteger.ONE))).isNull();
    }

    @Test
    void interruptStopsIt() throws InterruptedException {
        BigInteger n = SiqsBench.semiprime(75, 1);
        for (boolean threads : new boolean[] {false, true}) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean flagStillSet = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(1);
            Thread worker = new Thread(() -> {
                try (ThreadUnitExecutor pool = new ThreadUnitExecutor(2)) {
                    started.countDown();
                    Siqs.factor(n, threads ? pool : org.factorlab.core.parallel.UnitExecutor.SAME_THREAD,
                            ProgressListener.NONE);
                } catch (Throwable t) {
                    thrown.set(t);
                    flagStillSet.set(Thread.currentThread().isInterrupted());
                }
            });
            worker.start();
            started.await();
            worker.interrupt();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> worker.join());
            assertThat(thrown.get()).isInstanceOf(CancellationException.class);
            assertThat(flagStillSet).isTrue();
        }
    }
}
