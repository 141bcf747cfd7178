package org.factorlab.core.factor.siqs;

import org.factorlab.core.factor.ProgressListener;
import org.factorlab.core.parallel.UnitExecutor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;

/**
 * Diagnostic (not a test): factors seeded semiprimes on one thread with parameters overridden by
 * system properties (fb, blocks, lp, slack, sp, abits) and prints CPU time and statistics.
 */
public final class SiqsProbe {
    private SiqsProbe() {
    }

    public static void main(String[] args) {
        int d = Integer.parseInt(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String solver = System.getProperty("solver", "");
        if (solver.equals("gauss")) {
            Siqs.setSolver(new GaussGf2Solver());
        } else if (solver.equals("gf2")) {
            Siqs.setSolver(Gf2Solvers.defaultSolver());
        }
        for (int r = 0; r < 3; r++) {
            Siqs.factor(SiqsBench.semiprime(35, 100 + r));
        }
        SiqsParameters b = SiqsParameters.forDigits(d);
        SiqsParameters p = new SiqsParameters(Integer.getInteger("fb", b.factorBaseSize()),
                Integer.getInteger("blocks", b.sieveBlocks()), Integer.getInteger("lp", b.largePrimeMultiplier()),
                Double.parseDouble(System.getProperty("slack", "" + b.thresholdSlack())),
                Integer.getInteger("sp", b.smallPrimeLimit()), Integer.getInteger("abits", b.aFactorBits()), 1,
                b.seed());
        System.out.println(p);
        for (int r = 0; r < reps; r++) {
            BigInteger n = SiqsBench.semiprime(d, r);
            PolynomialSieve.CANDIDATES.set(0);
            PolynomialSieve.CHECK_NANOS.set(0);
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            BigInteger f = Siqs.factor(n, p, UnitExecutor.SAME_THREAD, ProgressListener.NONE);
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d digits seed %d: cpu %.3f s wall %.3f s ok=%b %s cand=%d check=%.2fs%n", d, r, cpu,
                    wall, f != null && n.mod(f).signum() == 0, Siqs.lastStats, PolynomialSieve.CANDIDATES.get(),
                    PolynomialSieve.CHECK_NANOS.get() / 1e9);
        }
    }
}
