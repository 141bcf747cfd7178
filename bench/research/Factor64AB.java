/*
 * The same 64-bit factoring work through two builds in one JVM: each build's Factor64 in a class
 * loader of its own, the two alternated batch by batch (who goes first alternates too), thread CPU
 * time per build and round. Whatever the machine does during a round, both builds get it.
 *
 *   javac -d /tmp/ab bench/research/Factor64AB.java
 *   java -cp /tmp/ab Factor64AB OLD/factorlab-core/target/classes NEW/factorlab-core/target/classes KIND COUNT ROUNDS
 *
 * KIND is "semi32" (products of two 32-bit primes: the hard 64-bit case), "semi31" (two 31-bit
 * primes, products below 2^63) or "random" (random 64-bit numbers); the inputs are seeded, the same
 * for both. Prints per round the mean µs per number of each and NEW/OLD; round 1 includes JIT warm-up.
 * Both builds must give the same factors (checked).
 */
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

public class Factor64AB {
    public static void main(String[] args) throws Exception {
        String kind = args[2];
        int count = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Method[] factor = new Method[2];
        Method isPrime = null;
        for (int v = 0; v < 2; v++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[v]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> f64 = loader.loadClass("org.factorlab.core.factor.Factor64");
            factor[v] = f64.getMethod("factor", long.class, long[].class);
            isPrime = f64.getMethod("isPrime", long.class);
        }
        SplittableRandom random = new SplittableRandom(20261127);
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = switch (kind) {
                case "semi32" -> prime(random, 32, isPrime) * prime(random, 32, isPrime);
                case "semi31" -> prime(random, 31, isPrime) * prime(random, 31, isPrime);
                case "random" -> random.nextLong();
                default -> throw new IllegalArgumentException("kind: semi32, semi31 or random");
            };
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] out = {new long[64], new long[64]};
        int batch = Math.max(1, count / 20);
        for (int round = 1; round <= rounds; round++) {
            long[] cpu = new long[2];
            for (int from = 0; from < count; from += batch) {
                int to = Math.min(count, from + batch);
                int first = (from / batch + round) & 1;
                for (int k = 0; k < 2; k++) {
                    int v = first ^ k;
                    long t0 = threads.getCurrentThreadCpuTime();
                    for (int i = from; i < to; i++) {
                        factor[v].invoke(null, numbers[i], out[v]);
                    }
                    cpu[v] += threads.getCurrentThreadCpuTime() - t0;
                }
                int c0 = (int) factor[0].invoke(null, numbers[to - 1], out[0]);
                int c1 = (int) factor[1].invoke(null, numbers[to - 1], out[1]);
                if (c0 != c1 || !Arrays.equals(out[0], 0, c0, out[1], 0, c1)) {
                    throw new AssertionError("builds disagree on " + Long.toUnsignedString(numbers[to - 1]));
                }
            }
            System.out.printf("round %d: old %.2f µs, new %.2f µs per number, new/old %.3f%n", round,
                    cpu[0] / 1e3 / count, cpu[1] / 1e3 / count, cpu[1] / (double) cpu[0]);
        }
    }

    private static long prime(SplittableRandom random, int bits, Method isPrime) throws Exception {
        while (true) {
            long c = (random.nextLong() >>> (64 - bits)) | (1L << (bits - 1)) | 1;
            if ((boolean) isPrime.invoke(null, c)) {
                return c;
            }
        }
    }
}
