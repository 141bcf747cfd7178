package org.factorlab.core.factor;

import org.factorlab.core.parallel.ThreadUnitExecutor;
import org.factorlab.core.parallel.UnitExecutor;
import org.factorlab.core.parallel.WorkUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EcmTest {

    /** {@code p·q} with {@code p} of {@code digits} digits and {@code q} of {@code size − digits}, from seed 7000 + digits. */
    private static BigInteger[] planted(int digits, int size) {
        Random random = new Random(7000 + digits);
        BigInteger p = EcmBench.primeOfDigits(digits, random);
        BigInteger q = EcmBench.primeOfDigits(size - digits, random);
        return new BigInteger[] {p.multiply(q), p};
    }

    /**
     * Planted factors with a σ known (by a search over σ = 6, 7, … with this implementation) to find
     * them at this B1; in all three the group order has one prime above B1, so stage 2 is needed.
     */
    static Stream<Arguments> knownCurves() {
        return Stream.of(
                Arguments.of(12, 60, 2_000L, 6L),
                Arguments.of(15, 80, 2_000L, 36L),
                Arguments.of(18, 100, 11_000L, 30L));
    }

    @ParameterizedTest
    @MethodSource("knownCurves")
    void knownCurveFindsThePlantedFactorInStageTwoOnly(int digits, int size, long b1, long sigma) {
        BigInteger[] np = planted(digits, size);
        BigInteger n = np[0];
        assertThat(n.toString()).hasSize(size);
        assertThat(Ecm.factor(n, b1, 100 * b1, 1, sigma)).isEqualTo(np[1]);
        assertThat(Ecm.factor(n, b1, b1, 1, sigma)).as("stage 1 alone").isNull();
        assertThat(Ecm.factor(n, b1, 100 * b1, 1, sigma + 1)).as("the next curve").isNull();
    }

    @Test
    void stageTwoCoversExactlyThePrimesUpToB2() {
        // The 12-digit case's order has its largest prime in (2000, 200000]: find it by shrinking B2.
        BigInteger n = planted(12, 60)[0];
        long lo = 2_000;
        long hi = 200_000;
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (Ecm.factor(n, 2_000, mid, 1, 6) != null) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        // hi is the smallest B2 that works: it must be that prime.
        assertThat(BigInteger.valueOf(hi).isProbablePrime(30)).as("B2 threshold %d is prime", hi).isTrue();
        assertThat(Ecm.factor(n, 2_000, hi, 1, 6)).isNotNull();
        assertThat(Ecm.factor(n, 2_000, hi - 1, 1, 6)).isNull();
    }

    @Test
    void unitsArePureAndSerializable() throws Exception {
        BigInteger n = planted(12, 60)[0];
        Ecm.EcmUnit hit = new Ecm.EcmUnit(n, 2_000, 200_000, 6, 3);
        Ecm.EcmUnit miss = new Ecm.EcmUnit(n, 2_000, 200_000, 7, 3);
        Ecm.EcmResult hitResult = hit.compute();
        assertThat(hitResult).isEqualTo(new Ecm.EcmResult(planted(12, 60)[1], 1));
        assertThat(hit.compute()).isEqualTo(hitResult);
        assertThat(miss.compute()).isEqualTo(new Ecm.EcmResult(null, 3));

        Ecm.EcmUnit copy = roundTrip(hit);
        assertThat(copy).isEqualTo(hit);
        assertThat(roundTrip(copy.compute())).isEqualTo(hitResult);

        // The same unit on a thread pool gives the same result.
        List<Ecm.EcmResult> results = new ArrayList<>();
        try (ThreadUnitExecutor two = new ThreadUnitExecutor(2)) {
            two.execute(List.of(hit, miss).iterator(), results::add);
        }
        assertThat(results).containsExactlyInAnyOrder(hitResult, new Ecm.EcmResult(null, 3));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        assertThat(bytes.size()).as("serialized size").isLessThan(2_000);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void scheduleFindsFactorsOnOneAndTwoThreads() {
        BigInteger[] np = planted(12, 60);
        BigInteger n = np[0];
        // Sequential: deterministic, the first curve that works (σ = 6) gives p.
        assertThat(Ecm.factor(n)).isEqualTo(np[1]);
        assertThat(Ecm.factor(n, UnitExecutor.SAME_THREAD, ProgressListener.NONE)).isEqualTo(np[1]);
        try (ThreadUnitExecutor two = new ThreadUnitExecutor(2)) {
            Random random = new Random(31);
            for (int i = 0; i < 3; i++) {
                BigInteger p = EcmBench.primeOfDigits(10 + i, random);
                BigInteger m = p.multiply(EcmBench.primeOfDigits(40, random));
                BigInteger f = Ecm.factor(m, two, ProgressListener.NONE);
                // Any nontrivial factor is valid in parallel.
                assertThat(f).isNotNull().isNotEqualTo(BigInteger.ONE).isNotEqualTo(m);
                assertThat(m.mod(f)).isEqualTo(BigInteger.ZERO);
            }
        }
    }

    @Test
    void boundedVariantFindsSmallFactorsAndGivesUpOnLargeOnes() {
        BigInteger[] np = planted(12, 60);
        try (ThreadUnitExecutor two = new ThreadUnitExecutor(2)) {
            assertThat(Ecm.factor(np[0], two, ProgressListener.NONE, 15)).isEqualTo(np[1]);

            Random random = new Random(32);
            BigInteger hard = EcmBench.primeOfDigits(25, random).multiply(EcmBench.primeOfDigits(25, random));
            List<String> details = new CopyOnWriteArrayList<>();
            List<Double> fractions = new CopyOnWriteArrayList<>();
            BigInteger f = Ecm.factor(hard, two, (method, detail, fraction) -> {
                assertThat(method).isEqualTo("ecm");
                details.add(detail);
                fractions.add(fraction);
            }, 15);
            assertThat(f).as("no 25-digit factor from the 15-digit level").isNull();
            assertThat(details).isNotEmpty().allMatch(d -> d.matches("curve \\d+ of 25 at B1=2000"));
            assertThat(fractions).allMatch(x -> x >= 0 && x <= 1);
        }
    }

    @Test
    void curveCappedPrepassRunsExactlyThatManyCurves() {
        Random random = new Random(34);
        BigInteger hard = EcmBench.primeOfDigits(25, random).multiply(EcmBench.primeOfDigits(25, random));
        for (int cap : new int[] {1, 7, 25, 40}) {
            List<Ecm.EcmUnit> ran = new ArrayList<>();
            UnitExecutor recording = new UnitExecutor() {
                @Override
                public int parallelism() {
                    return 1;
                }

                @Override
                @SuppressWarnings("unchecked")
                public <R extends java.io.Serializable> void execute(java.util.Iterator<? extends WorkUnit<R>> units,
                                                                     java.util.function.Predicate<? super R> sink) {
                    while (units.hasNext()) {
                        WorkUnit<R> unit = units.next();
                        ran.add((Ecm.EcmUnit) unit);
                        // Report the unit as run without running it: only the schedule is under test.
                        Ecm.EcmUnit e = (Ecm.EcmUnit) unit;
                        if (!sink.test((R) new Ecm.EcmResult(null, e.curves()))) {
                            return;
                        }
                    }
                }
            };
            assertThat(Ecm.factor(hard, recording, ProgressListener.NONE, 15, cap)).isNull();
            // The cap, but never past the levels allowed: the 15-digit level has 25 curves.
            assertThat(ran.stream().mapToInt(Ecm.EcmUnit::curves).sum()).as("cap %d", cap).isEqualTo(Math.min(cap, 25));
            assertThat(ran).allMatch(u -> u.b1() == 2_000 && u.b2() == 200_000);
            // Consecutive σ from the first: the same curves as the uncapped schedule's first ones.
            long sigma = 6;
            for (Ecm.EcmUnit u : ran) {
                assertThat(u.firstSigma()).isEqualTo(sigma);
                sigma += u.curves();
            }
        }
        assertThatThrownBy(() -> Ecm.factor(hard, UnitExecutor.SAME_THREAD, ProgressListener.NONE, 15, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopsWhenInterruptedOnOneOrTwoThreads() {
        Random random = new Random(33);
        BigInteger n = EcmBench.primeOfDigits(30, random).multiply(EcmBench.primeOfDigits(30, random));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(CancellationTest.interruptWhileRunning(() -> Ecm.factor(n))).isInstanceOf(CancellationException.class);
            try (ThreadUnitExecutor two = new ThreadUnitExecutor(2)) {
                assertThat(CancellationTest.interruptWhileRunning(() -> Ecm.factor(n, two, ProgressListener.NONE)))
                        .isInstanceOf(CancellationException.class);
            }
        });
    }

    @Test
    void giantStepAndPlanCoverEveryPrimeInTheRange() {
        for (long[] bounds : new long[][] {{60, 60 * 100}, {2_000, 200_000}, {11_000, 1_100_000}, {61, 5_000}}) {
            long b1 = bounds[0];
            long b2 = bounds[1];
            Ecm.Stage2Plan plan = new Ecm.Stage2Plan(b1, b2);
            assertThat((long) (plan.d / 2)).isLessThanOrEqualTo(b1);
            java.util.BitSet covered = new java.util.BitSet();
            for (int j = 0; j < plan.blocks; j++) {
                Ecm.Stage2Plan.Block block = plan.block(j);
                for (int g = 0; g < block.count(); g++) {
                    long k = block.k0() + g;
                    for (int e = block.start()[g]; e < block.start()[g + 1]; e++) {
                        int b = plan.babies[block.idx()[e]];
                        covered.set((int) (k * plan.d - b));
                        covered.set((int) (k * plan.d + b));
                    }
                }
            }
            for (int p : PrimeSieve.primesUpTo((int) b2)) {
                if (p > b1) {
                    assertThat(covered.get(p)).as("prime %d for B1=%d, B2=%d", p, b1, b2).isTrue();
                }
            }
        }
    }
}
