package org.factorlab.core.factor.siqs;

import org.factorlab.core.factor.AutoFactorizer;
import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.parallel.UnitExecutor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * Tuning harness (not a test): per size, the mean and median thread CPU time of {@link Siqs#factor}
 * (or, with {@code -Dauto=true}, of {@link AutoFactorizer}) on one thread over {@code count} seeded
 * balanced semiprimes, after {@code warm} passes over the same numbers. Sizes {@code 127} and
 * {@code 128} mean products of two random 64-bit primes with that many bits.
 *
 * <pre>java -cp ... org.factorlab.core.factor.siqs.SiqsTune 128,40,45,50 10 1</pre>
 */
public final class SiqsTune {
    private SiqsTune() {
    }

    public static BigInteger number(int size, int seed) {
        if (size == 127 || size == 128) {
            Random rnd = new Random(7_777L + seed);
            while (true) {
                BigInteger p = BigInteger.probablePrime(64, rnd);
                BigInteger q = BigInteger.probablePrime(64, rnd);
                BigInteger n = p.multiply(q);
                if (n.bitLength() == size && !p.equals(q)) {
                    return n;
                }
            }
        }
        return SiqsBench.semiprime(size, seed);
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        int count = Integer.parseInt(args[1]);
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean auto = Boolean.getBoolean("auto");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AutoFactorizer af = new AutoFactorizer();
        for (int pass = 0; pass <= warm; pass++) {
            for (int size : sizes) {
                double[] cpu = new double[count];
                double solve = 0;
                for (int r = 0; r < count; r++) {
                    BigInteger n = number(size, r);
                    long c0 = mx.getCurrentThreadCpuTime();
                    if (auto) {
                        if (af.factor(n).factors().size() < 2) {
                            throw new AssertionError(n);
                        }
                    } else {
                        BigInteger f = Siqs.factor(n, UnitExecutor.SAME_THREAD, ProgressListener.NONE);
                        if (f == null || n.mod(f).signum() != 0 || f.equals(BigInteger.ONE) || f.equals(n)) {
                            throw new AssertionError(n);
                        }
                    }
                    cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    java.util.regex.Matcher mt = java.util.regex.Pattern.compile("solve=([0-9.]+)s").matcher(Siqs.lastStats);
                    solve += mt.find() ? Double.parseDouble(mt.group(1)) * 1e3 / count : 0;
                    if (Boolean.getBoolean("verbose") && pass == warm) {
                        System.out.printf("  %s %.1f ms %s%n", n, cpu[r], Siqs.lastStats);
                    }
                }
                if (pass == warm) {
                    double mean = Arrays.stream(cpu).average().orElse(0);
                    Arrays.sort(cpu);
                    System.out.printf("%s %d: mean %.1f ms median %.1f ms (min %.1f max %.1f) solve %.1f ms%n",
                            auto ? "auto" : "siqs", size, mean, cpu[count / 2], cpu[0], cpu[count - 1], solve);
                }
            }
        }
    }
}
