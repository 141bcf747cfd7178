package org.factorlab.core.factor;

import java.util.SplittableRandom;

/** Scratch diagnostics for tuning Factor64: ECM curves per number and time per curve, single vs paired. */
public final class Factor64Probe {
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) {
        int bits = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(7);
        long[] ns = new long[count];
        for (int i = 0; i < count; i++) {
            ns[i] = Factor64Bench.prime(random, bits) * Factor64Bench.prime(random, bits);
        }
        int pairs = 0;
        for (byte m : Factor64.giantMasks()) {
            pairs += Integer.bitCount(m & 0xFF);
        }
        int giants = Factor64.giantMasks().length;
        double mulsPerCurve = 10.0 * Factor64.stage1Bits() + 7 * giants + 2 * pairs + 250;
        double[] best = {1e18, 1e18};
        long curves = 0;
        for (int rep = 0; rep < 8; rep++) {
            for (int mode = 0; mode < 2; mode++) {
                curves = 0;
                long t0 = cpu();
                for (long n : ns) {
                    long nInv = Factor64.inverse64(n);
                    long one = Factor64.montOne(n);
                    long r2 = Factor64.montR2(one, n, nInv);
                    for (int c = 0; c < 1000; c += 2) {
                        curves += 2;
                        long f = mode == 1 ? Factor64.ecmCurvePair(n, nInv, one, r2, 6 + c)
                                : Factor64.ecmCurve(n, nInv, one, r2, 6 + c) != 0 ? 1 : Factor64.ecmCurve(n, nInv, one, r2, 7 + c);
                        if (f != 0) {
                            break;
                        }
                    }
                }
                best[mode] = Math.min(best[mode], (cpu() - t0) / 1e3 / curves);
            }
        }
        System.out.printf("B1=%d B2=%d bits %d giants %d pairs %d curves/number %.2f est muls/number %.0f; µs/curve single %.2f paired %.2f%n",
                Factor64.ECM_B1, Factor64.ECM_B2, Factor64.stage1Bits(), giants, pairs, (double) curves / count,
                mulsPerCurve * curves / count, best[0], best[1]);
    }
}
