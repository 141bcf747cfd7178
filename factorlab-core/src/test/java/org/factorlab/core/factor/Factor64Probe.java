package org.factorlab.core.factor;

import java.util.SplittableRandom;

/**
 * Scratch diagnostics for tuning Factor64's ECM schedule: CPU time of a short rho walk then ECM on
 * products of two random primes of the given sizes, for several schedules measured interleaved in
 * one JVM (best of several rounds, so that load from other processes hurts all alike).
 * Arguments: bitsP bitsQ count [rhoSteps].
 */
public final class Factor64Probe {
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    record Schedule(String name, Factor64.Plan[] plans, int[] pairs) {
    }

    static Schedule schedule(int... b1AndPairs) {
        int levels = b1AndPairs.length / 2;
        Factor64.Plan[] plans = new Factor64.Plan[levels];
        int[] pairs = new int[levels];
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            plans[i] = new Factor64.Plan(b1AndPairs[2 * i], 25);
            pairs[i] = b1AndPairs[2 * i + 1];
            name.append(b1AndPairs[2 * i]).append('x').append(pairs[i]).append(' ');
        }
        return new Schedule(name.toString(), plans, pairs);
    }

    public static void main(String[] args) {
        int bitsP = Integer.parseInt(args[0]);
        int bitsQ = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        long rhoSteps = args.length > 3 ? Long.parseLong(args[3]) : Factor64.RHO_SHORT_STEPS;
        SplittableRandom random = new SplittableRandom(7);
        long[] ns = new long[count];
        if (bitsP == 0) {
            // Random 64-bit numbers: their cofactors above 2^42 after trial division that are composite.
            int k = 0;
            while (k < count) {
                long n = random.nextLong();
                n >>>= Long.numberOfTrailingZeros(n);
                for (long p = 3; p < Factor64.TRIAL_LIMIT; p += 2) {
                    while (Long.remainderUnsigned(n, p) == 0) {
                        n = Long.divideUnsigned(n, p);
                    }
                }
                if (Long.compareUnsigned(n, 1L << 42) >= 0 && !Factor64.isPrime(n)) {
                    long r = Factor64.isqrt(n);
                    long c = Factor64.icbrt(n);
                    if (r * r != n && c * c * c != n) {
                        ns[k++] = n;
                    }
                }
            }
        }
        for (int i = 0; i < count && bitsP > 0; i++) {
            long p;
            long q;
            do {
                p = Factor64Bench.prime(random, bitsP);
                q = Factor64Bench.prime(random, bitsQ);
            } while (p == q);
            ns[i] = p * q;
        }
        Schedule[] schedules = {
                schedule(200, 99),
                schedule(150, 99),
                schedule(35, 2, 85, 3, 200, 99),
                schedule(85, 2, 200, 99),
                schedule(50, 2, 125, 2, 200, 99),
                schedule(35, 1, 85, 2, 200, 99),
        };
        double[] best = new double[schedules.length];
        for (int s = 0; s < schedules.length; s++) {
            // Estimated multiplications of ECM (rho is the same for all), replaying ecm()'s schedule.
            long muls = 0;
            for (long n : ns) {
                if (Factor64.rho(n, rhoSteps) != 0) {
                    continue;
                }
                long nInv = Factor64.inverse64(n);
                long one = Factor64.montOne(n);
                long r2 = Factor64.montR2(one, n, nInv);
                int level = 0;
                int atLevel = 0;
                for (int curve = 0; ; curve += 2) {
                    while (atLevel >= schedules[s].pairs[level] && level < schedules[s].plans.length - 1) {
                        level++;
                        atLevel = 0;
                    }
                    atLevel++;
                    muls += 2L * schedules[s].plans[level].cost();
                    if (Factor64.ecmCurvePair(n, nInv, one, r2, 6 + curve, schedules[s].plans[level]) != 0) {
                        break;
                    }
                }
            }
            best[s] = (double) muls / count;
        }
        long sink = 0;
        StringBuilder line = new StringBuilder(bitsP + "x" + bitsQ + " rho " + rhoSteps + ":");
        for (int s = 0; s < schedules.length; s++) {
            line.append(String.format("  [%s] %.0f", schedules[s].name.trim(), best[s]));
        }
        System.out.println(line + (sink == 42 ? "!" : ""));
    }
}
