package org.factorlab.core.factor;

import org.factorlab.core.Unsigned;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark harness (a main, not a test): numbers per second on one thread for each size class, the
 * old 64-bit path of {@link AutoFactorizer} ({@link LegacyFactor64}, a copy) against {@link Factor64#factor}. Inputs come
 * from a fixed seed; each class is timed several rounds (old and new alternating) after a warm-up
 * and the best round of each is reported. Arguments: {@code [rounds] [scale] [class-name-filter]}; {@code scale} multiplies the
 * number of inputs per class (timing is the thread's CPU time), {@code new} as the filter skips the old path.
 *
 * <pre>{@code java -cp factorlab-core/target/classes:factorlab-core/target/test-classes \
 *     org.factorlab.core.factor.Factor64Bench 5 1}</pre>
 */
public final class Factor64Bench {

    private interface Kernel {
        int factor(long n, long[] out);
    }

    private record Workload(String name, long[] numbers) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        String filter = args.length > 2 ? args[2] : "";
        boolean skipOld = filter.contains("new");
        filter = filter.replace("new", "");
        Kernel oldPath = LegacyFactor64::factor;
        Kernel newPath = Factor64::factor;

        List<Workload> workloads = workloads(scale);
        System.out.printf("%-22s %8s %14s %14s %8s%n", "class", "count", "old n/s", "Factor64 n/s", "speedup");
        for (Workload w : workloads) {
            if (!w.name.contains(filter)) {
                continue;
            }
            check(w, newPath);
            // Rounds alternate old and new, and the best round of each counts: on a shared machine
            // load only ever slows a round down, so the fastest is the least disturbed.
            double oldRate = 0;
            double newRate = 0;
            long[] out = new long[64];
            run(w.numbers, newPath, out); // warm-up
            if (!skipOld) {
                run(w.numbers, oldPath, out);
            }
            for (int r = 0; r < rounds; r++) {
                if (!skipOld) {
                    oldRate = Math.max(oldRate, rate(w.numbers, oldPath));
                }
                newRate = Math.max(newRate, rate(w.numbers, newPath));
            }
            System.out.printf("%-22s %8d %14.0f %14.0f %8.2f  (%.2f µs/number)%n", w.name, w.numbers.length,
                    oldRate, newRate, newRate / oldRate, 1e6 / newRate);
        }
    }

    static List<Workload> workloads(double scale) {
        List<Workload> list = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20261126);
        list.add(new Workload("random < 2^32", fill((int) (200_000 * scale), () -> random.nextLong() >>> 32)));
        list.add(new Workload("random < 2^64", fill((int) (20_000 * scale), random::nextLong)));
        list.add(new Workload("primes 32-bit", fill((int) (50_000 * scale), () -> prime(random, 32))));
        list.add(new Workload("primes 64-bit", fill((int) (20_000 * scale), () -> prime(random, 64))));
        int[] halves = {12, 16, 20, 21, 24, 28, 32};
        int[] counts = {50_000, 20_000, 20_000, 20_000, 10_000, 5_000, 3_000};
        for (int i = 0; i < halves.length; i++) {
            int bits = halves[i];
            list.add(new Workload("semiprime 2x" + bits, fill((int) (counts[i] * scale),
                    () -> prime(random, bits) * prime(random, bits))));
        }
        list.add(new Workload("p*q 20x44", fill((int) (10_000 * scale), () -> prime(random, 20) * prime(random, 44))));
        return list;
    }

    /** A random prime of exactly {@code bits} bits (top bit set). */
    static long prime(SplittableRandom random, int bits) {
        while (true) {
            long c = (random.nextLong() >>> (64 - bits)) | (1L << (bits - 1)) | 1;
            if (Factor64.isPrime(c)) {
                return c;
            }
        }
    }

    private static long[] fill(int count, java.util.function.LongSupplier supplier) {
        long[] a = new long[count];
        for (int i = 0; i < count; i++) {
            a[i] = supplier.getAsLong();
        }
        return a;
    }

    /** Every factorisation's product must be the number (outside the timed loop). */
    private static void check(Workload w, Kernel kernel) {
        long[] out = new long[64];
        for (long n : w.numbers) {
            int k = kernel.factor(n, out);
            BigInteger product = BigInteger.ONE;
            for (int i = 0; i < k; i++) {
                product = product.multiply(Unsigned.toBigInteger(out[i]));
            }
            if (Long.compareUnsigned(n, 2) >= 0 && !product.equals(Unsigned.toBigInteger(n))) {
                throw new AssertionError(w.name + ": wrong factorisation of " + Long.toUnsignedString(n));
            }
        }
    }

    private static volatile long sink;
    /** Thread CPU time, not wall time: the shared machine is loaded, and descheduled time is not ours. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static double rate(long[] numbers, Kernel kernel) {
        long[] out = new long[64];
        long t0 = THREADS.getCurrentThreadCpuTime();
        run(numbers, kernel, out);
        long t1 = THREADS.getCurrentThreadCpuTime();
        return numbers.length * 1e9 / (t1 - t0);
    }

    private static void run(long[] numbers, Kernel kernel, long[] out) {
        long acc = 0;
        for (long n : numbers) {
            acc += kernel.factor(n, out);
        }
        sink = acc;
    }
}
