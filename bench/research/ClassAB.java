/*
 * The same SIQS work through two builds in one JVM: each build's classes in a class loader of its
 * own, the two alternated number by number (who goes first alternates too), thread CPU time per
 * build and round. Whatever the machine does during a round, both builds get it.
 *
 *   javac -d /tmp/ab bench/research/ClassAB.java
 *   java -cp /tmp/ab ClassAB OLD/factorlab-core/target/classes NEW/factorlab-core/target/classes BITS COUNT ROUNDS
 *
 * BITS is the size of the balanced semiprimes (seeded, the same for both), COUNT how many per round.
 * Prints per round the mean per number of each and NEW/OLD; the first round includes JIT warm-up.
 */
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public class ClassAB {
    public static void main(String[] args) throws Exception {
        int bits = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Method[] factor = new Method[2];
        Object[] executor = new Object[2];
        Object[] listener = new Object[2];
        for (int v = 0; v < 2; v++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[v]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> siqs = loader.loadClass("org.factorlab.core.factor.siqs.Siqs");
            Class<?> unitExecutor = loader.loadClass("org.factorlab.core.parallel.UnitExecutor");
            Class<?> progress = loader.loadClass("org.factorlab.core.factor.ProgressListener");
            factor[v] = siqs.getMethod("factor", BigInteger.class, unitExecutor, progress);
            executor[v] = unitExecutor.getField("SAME_THREAD").get(null);
            listener[v] = progress.getField("NONE").get(null);
        }
        Random random = new Random(7777);
        List<BigInteger> numbers = new ArrayList<>();
        while (numbers.size() < count) {
            BigInteger p = BigInteger.probablePrime(bits / 2, random);
            BigInteger q = BigInteger.probablePrime(bits - bits / 2, random);
            BigInteger n = p.multiply(q);
            if (n.bitLength() == bits) {
                numbers.add(n);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long[] cpu = new long[2];
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < 2; k++) {
                    int v = (i + k + r) & 1;
                    long c0 = threads.getCurrentThreadCpuTime();
                    BigInteger f = (BigInteger) factor[v].invoke(null, numbers.get(i), executor[v], listener[v]);
                    cpu[v] += threads.getCurrentThreadCpuTime() - c0;
                    if (f == null || numbers.get(i).mod(f).signum() != 0) {
                        throw new AssertionError("no factor of " + numbers.get(i));
                    }
                }
            }
            System.out.printf("round %d: old %.2f ms  new %.2f ms  new/old %.3f%n", r, cpu[0] / 1e6 / count,
                    cpu[1] / 1e6 / count, (double) cpu[1] / cpu[0]);
        }
    }
}
