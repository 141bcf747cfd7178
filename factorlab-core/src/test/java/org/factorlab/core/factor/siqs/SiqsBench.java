package org.factorlab.core.factor.siqs;

import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.parallel.ThreadUnitExecutor;
import org.factorlab.core.parallel.UnitExecutor;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * Timing harness (not a test): factors seeded balanced semiprimes of the given sizes with 1 and 2
 * threads, after a warm-up, and prints the median of the repeats.
 *
 * <pre>java -cp factorlab-core/target/classes:factorlab-core/target/test-classes \
 *     org.factorlab.core.factor.siqs.SiqsBench [digits,...] [repeats] [threads,...] [--print]</pre>
 * {@code --print} only prints the numbers (for a side-by-side run of gp:
 * {@code /usr/bin/time -f %U gp -q -s 512M <<< "factor(N)"}); {@code --verbose} shows progress.
 * Prints wall time and process CPU time (all threads, JIT included): on a shared machine compare CPU.
 */
public final class SiqsBench {

    private SiqsBench() {
    }

    /** A product of two random primes of about digits/2 digits each with exactly {@code digits} digits. */
    public static BigInteger semiprime(int digits, long seed) {
        Random random = new Random(seed * 1_000_003L + digits);
        BigInteger lo = BigInteger.TEN.pow(digits - 1);
        BigInteger hi = BigInteger.TEN.pow(digits);
        int bits = (int) Math.ceil(digits * Math.log(10) / Math.log(2));
        while (true) {
            BigInteger p = BigInteger.probablePrime(bits / 2, random);
            BigInteger q = BigInteger.probablePrime(bits - bits / 2, random);
            BigInteger n = p.multiply(q);
            if (n.compareTo(lo) >= 0 && n.compareTo(hi) < 0 && !p.equals(q)) {
                return n;
            }
        }
    }

    /** CPU time of the whole process (all threads, JIT and GC included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {40, 50, 60, 70};
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] threads = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        boolean printOnly = Arrays.asList(args).contains("--print");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (printOnly) {
            for (int d : sizes) {
                for (int r = 0; r < repeats; r++) {
                    System.out.println(d + " " + semiprime(d, r));
                }
            }
            return;
        }
        // warm-up
        for (int r = 0; r < 3; r++) {
            Siqs.factor(semiprime(35, 100 + r));
        }
        ProgressListener listener = verbose ? (m, d, f) -> System.out.println("  " + m + ": " + d) : ProgressListener.NONE;
        for (int t : threads) {
            try (ThreadUnitExecutor pool = new ThreadUnitExecutor(t)) {
                UnitExecutor ex = t == 1 ? UnitExecutor.SAME_THREAD : pool;
                for (int d : sizes) {
                    double[] times = new double[repeats];
                    double[] cpus = new double[repeats];
                    for (int r = 0; r < repeats; r++) {
                        BigInteger n = semiprime(d, r);
                        long c0 = cpuNanos();
                        long t0 = System.nanoTime();
                        BigInteger f = Siqs.factor(n, ex, listener);
                        times[r] = (System.nanoTime() - t0) / 1e9;
                        cpus[r] = (cpuNanos() - c0) / 1e9;
                        if (f == null || f.signum() <= 0 || f.equals(BigInteger.ONE) || f.equals(n)
                                || n.mod(f).signum() != 0) {
                            throw new AssertionError("bad factor " + f + " of " + n);
                        }
                        System.out.printf("  %d digits, %d thread(s), seed %d: %.3f s wall, %.3f s process CPU%n", d, t,
                                r, times[r], cpus[r]);
                    }
                    Arrays.sort(times);
                    Arrays.sort(cpus);
                    System.out.printf("%d digits, %d thread(s): median %.3f s wall (min %.3f, max %.3f), median CPU %.3f s%n",
                            d, t, times[repeats / 2], times[0], times[repeats - 1], cpus[repeats / 2]);
                }
            }
        }
    }
}
