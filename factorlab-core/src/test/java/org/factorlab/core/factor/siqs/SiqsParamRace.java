package org.factorlab.core.factor.siqs;

import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.parallel.UnitExecutor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;

/**
 * Tuning harness (not a test): races parameter sets against each other on the same numbers, one
 * thread, interleaved (number by number, set by set) so that machine load hits all alike. Each set is
 * {@code fb:blocks:lp:slack:sp:abits}, an empty field keeping the table's value.
 *
 * <pre>java -cp ... org.factorlab.core.factor.siqs.SiqsParamRace digits count rounds set1 set2 ...</pre>
 * Prints per set the mean over the numbers of the least thread CPU time over the rounds but the first
 * (warm-up): the minimum resists bursts of load from other processes.
 */
public final class SiqsParamRace {
    private SiqsParamRace() {
    }

    static SiqsParameters parse(int digits, String spec) {
        SiqsParameters b = SiqsParameters.forDigits(digits);
        String[] f = (spec + ":::::::").split(":", -1);
        return new SiqsParameters(f[0].isEmpty() ? b.factorBaseSize() : Integer.parseInt(f[0]),
                f[1].isEmpty() ? b.sieveBlocks() : Integer.parseInt(f[1]),
                f[2].isEmpty() ? b.largePrimeMultiplier() : Integer.parseInt(f[2]),
                f[3].isEmpty() ? b.thresholdSlack() : Double.parseDouble(f[3]),
                f[4].isEmpty() ? b.smallPrimeLimit() : Integer.parseInt(f[4]),
                f[5].isEmpty() ? b.aFactorBits() : Integer.parseInt(f[5]), 1, b.seed());
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int sets = args.length - 3;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] best = new double[sets][count];
        for (double[] b : best) {
            java.util.Arrays.fill(b, Double.MAX_VALUE);
        }
        for (int round = 0; round < rounds; round++) {
            for (int r = 0; r < count; r++) {
                BigInteger n = SiqsTune.number(size, r);
                int digits = n.toString().length();
                for (int s = 0; s < sets; s++) {
                    SiqsParameters p = parse(digits, args[3 + s]);
                    long c0 = mx.getCurrentThreadCpuTime();
                    BigInteger f = Siqs.factor(n, p, UnitExecutor.SAME_THREAD, ProgressListener.NONE);
                    double ms = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    if (f == null || n.mod(f).signum() != 0 || f.equals(BigInteger.ONE) || f.equals(n)) {
                        throw new AssertionError(n + " " + args[3 + s]);
                    }
                    if (round > 0 || rounds == 1) {
                        best[s][r] = Math.min(best[s][r], ms);
                    }
                }
            }
        }
        for (int s = 0; s < sets; s++) {
            System.out.printf("%d %-24s mean of minima %.1f ms%n", size, args[3 + s].isEmpty() ? "(table)" : args[3 + s],
                    java.util.Arrays.stream(best[s]).average().orElse(0));
        }
    }
}
