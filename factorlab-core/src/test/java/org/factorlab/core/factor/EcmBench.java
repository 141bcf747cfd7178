package org.factorlab.core.factor;

import org.factorlab.core.parallel.ThreadUnitExecutor;
import org.factorlab.core.parallel.UnitExecutor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Timing harness (not a test): ECM on seeded products {@code p·q} with a prime {@code p} of 15, 20 or
 * 25 digits and {@code n} of 60 or 100 digits, old ({@link LegacyEcm}) against new ({@link Ecm}) on
 * one and two threads. Prints one line per (digits, size, variant) with the median wall time of the
 * numbers tried (and the CPU time of the calling thread, the fairer figure on a shared machine), and,
 * with the environment variable {@code ECM_BENCH_PRINT_N} set, the numbers themselves so that other
 * tools (gp) can time the same inputs.
 *
 * <p>Usage: {@code EcmBench [variants=old,new1,new2] [factorDigits=15,20,25] [sizes=60,100]
 * [numbersPerCell=3] [timeoutSeconds=120]}, or {@code EcmBench curves [B1s=2000,11000,50000]
 * [sizes=60,100,200] [curves=8]} for the time per curve (same σ, B2 = 100·B1, old against new,
 * median of 3 rounds): the steadier measure, since the number of curves a factor needs is luck.
 */
public final class EcmBench {

    private EcmBench() {
    }

    /** A prime of exactly {@code digits} decimal digits, from {@code random}. */
    static BigInteger primeOfDigits(int digits, Random random) {
        BigInteger lo = BigInteger.TEN.pow(digits - 1);
        BigInteger span = BigInteger.TEN.pow(digits).subtract(lo);
        while (true) {
            BigInteger p = new BigInteger(span.bitLength() + 8, random).mod(span).add(lo).nextProbablePrime();
            if (p.toString().length() == digits) {
                return p;
            }
        }
    }

    /** {@code p·q} with {@code p} of {@code factorDigits} digits and a prime {@code q}, {@code size} digits in all. */
    static BigInteger[] semiprime(int factorDigits, int size, long seed) {
        Random random = new Random(seed);
        BigInteger p = primeOfDigits(factorDigits, random);
        while (true) {
            BigInteger q = primeOfDigits(size - factorDigits + 1, random);
            BigInteger n = p.multiply(q);
            if (n.toString().length() == size) {
                return new BigInteger[] {n, p};
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("curves")) {
            perCurve(args);
            return;
        }
        List<String> variants = Arrays.asList((args.length > 0 ? args[0] : "old,new1,new2").split(","));
        int[] digits = Arrays.stream((args.length > 1 ? args[1] : "15,20,25").split(",")).mapToInt(Integer::parseInt).toArray();
        int[] sizes = Arrays.stream((args.length > 2 ? args[2] : "60,100").split(",")).mapToInt(Integer::parseInt).toArray();
        int perCell = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long timeoutMs = (args.length > 4 ? Long.parseLong(args[4]) : 120) * 1000;
        try (ThreadUnitExecutor two = new ThreadUnitExecutor(2); ThreadUnitExecutor one = new ThreadUnitExecutor(1)) {
            // Warm-up: a few small runs so the JIT has compiled the kernels.
            for (int i = 0; i < 3; i++) {
                BigInteger n = semiprime(12, 40, 99 + i)[0];
                Ecm.factor(n);
                if (variants.contains("old")) {
                    LegacyEcm.factor(n);
                }
            }
            for (int d : digits) {
                for (int size : sizes) {
                    for (String v : variants) {
                        Function<BigInteger, BigInteger> run = switch (v) {
                            case "old" -> LegacyEcm::factor;
                            case "new1" -> n -> Ecm.factor(n, UnitExecutor.SAME_THREAD, ProgressListener.NONE);
                            case "new1t" -> n -> Ecm.factor(n, one, ProgressListener.NONE);
                            case "new2" -> n -> Ecm.factor(n, two, ProgressListener.NONE);
                            default -> throw new IllegalArgumentException(v);
                        };
                        List<Double> times = new ArrayList<>();
                        List<Double> cpus = new ArrayList<>();
                        StringBuilder ns = new StringBuilder();
                        for (int k = 0; k < perCell; k++) {
                            BigInteger[] np = semiprime(d, size, 1000L * d + size + k);
                            BigInteger n = np[0];
                            long t0 = System.nanoTime();
                            long[] cpu = new long[1];
                            BigInteger f = timed(run, n, timeoutMs, cpu);
                            double s = (System.nanoTime() - t0) / 1e9;
                            if (f == null) {
                                s = Double.POSITIVE_INFINITY;
                            } else if (f.signum() <= 0 || f.equals(n) || n.mod(f).signum() != 0) {
                                throw new AssertionError("bad factor " + f + " of " + n);
                            }
                            times.add(s);
                            cpus.add(cpu[0] / 1e9);
                            ns.append(String.format(" %.2f", s));
                            if (v.equals(variants.get(0)) && System.getenv("ECM_BENCH_PRINT_N") != null) {
                                System.out.println("N " + d + " " + size + " " + n);
                            }
                        }
                        List<Double> sorted = new ArrayList<>(times);
                        sorted.sort(null);
                        cpus.sort(null);
                        // CPU time of the calling thread: meaningful for old and new1 (same thread) only.
                        System.out.printf("p%d n%d %-5s median %8.2f s  (caller CPU median %.2f s)  runs%s%n",
                                d, size, v, sorted.get(sorted.size() / 2), cpus.get(cpus.size() / 2), ns);
                    }
                }
            }
        }
    }

    private static void perCurve(String[] args) {
        long[] b1s = Arrays.stream((args.length > 1 ? args[1] : "2000,11000,50000").split(",")).mapToLong(Long::parseLong).toArray();
        int[] sizes = Arrays.stream((args.length > 2 ? args[2] : "60,100,200").split(",")).mapToInt(Integer::parseInt).toArray();
        int curves = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        for (int size : sizes) {
            // Two primes of size/2 digits: no curve succeeds, every curve runs both stages in full.
            Random random = new Random(size);
            BigInteger n = primeOfDigits(size / 2, random).multiply(primeOfDigits(size - size / 2, random));
            for (long b1 : b1s) {
                LegacyEcm.factor(n, b1, 100 * b1, 1, 6);     // warm-up and plan caches
                Ecm.factor(n, b1, 100 * b1, 1, 6);
                double[] old = new double[3];
                double[] now = new double[3];
                for (int round = 0; round < 3; round++) {
                    long t0 = System.nanoTime();
                    LegacyEcm.factor(n, b1, 100 * b1, curves, 1000);
                    long t1 = System.nanoTime();
                    Ecm.factor(n, b1, 100 * b1, curves, 1000);
                    long t2 = System.nanoTime();
                    old[round] = (t1 - t0) / 1e6 / curves;
                    now[round] = (t2 - t1) / 1e6 / curves;
                }
                Arrays.sort(old);
                Arrays.sort(now);
                System.out.printf("n%d B1=%d: old %.1f ms/curve, new %.1f ms/curve, ratio %.2f%n",
                        size, b1, old[1], now[1], old[1] / now[1]);
            }
        }
    }

    /** {@code run(n)} on a new thread, interrupted after {@code timeoutMs}; null on timeout. */
    private static BigInteger timed(Function<BigInteger, BigInteger> run, BigInteger n, long timeoutMs,
                                    long[] cpuNanos) throws InterruptedException {
        AtomicReference<BigInteger> result = new AtomicReference<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread t = new Thread(() -> {
            long c0 = mx.getCurrentThreadCpuTime();
            try {
                result.set(run.apply(n));
            } catch (CancellationException e) {
                // timed out
            }
            cpuNanos[0] = mx.getCurrentThreadCpuTime() - c0;
        });
        t.start();
        t.join(timeoutMs);
        if (t.isAlive()) {
            t.interrupt();
            t.join();
        }
        return result.get();
    }
}
