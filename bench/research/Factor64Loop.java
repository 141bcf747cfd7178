/*
 * Thread CPU time of Factor64.factor over a file of numbers below 2^64 (one per line), in rounds, in
 * one JVM: how session 12 compared one rho walk with two (docs/benchmarks.md, twelfth sitting). Run
 * the old and the new build's classes in turn, a few times each, and compare the later rounds:
 *
 *   javac -cp factorlab-core/target/classes -d /tmp/f64 bench/research/Factor64Loop.java
 *   java -XX:BlockLayoutMinDiamondPercentage=0 -cp /tmp/f64:factorlab-core/target/classes \
 *       Factor64Loop target/bench-fast/semi64.txt 4
 *
 * (-XX:BlockLayoutMinDiamondPercentage=0 as the launcher gives `factor`.) The last number printed is
 * the total count of prime factors, the same for every build.
 */
import org.factorlab.core.factor.Factor64;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

public class Factor64Loop {
    public static void main(String[] args) throws Exception {
        long[] numbers = Files.readAllLines(Path.of(args[0])).stream().mapToLong(Long::parseUnsignedLong).toArray();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] out = new long[64];
        long factors = 0;
        StringBuilder line = new StringBuilder("thread CPU per round, s:");
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (long n : numbers) {
                factors += Factor64.factor(n, out);
            }
            line.append(String.format(" %.3f", (mx.getCurrentThreadCpuTime() - c0) / 1e9));
        }
        System.out.println(line + "  (" + factors + " factors)");
    }
}
