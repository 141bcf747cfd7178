package org.factorlab.core.factor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tuning harness (a main, not a test): the cost of {@link Factor64} counted in Montgomery
 * multiplications (a gcd and an inverse weighted by their time, see {@link Factor64#COUNTING}),
 * which, unlike a timing, does not change with the load of a shared machine. Prints the cost per
 * number of the whole factorisation for random 64-bit numbers and balanced semiprimes, then, for
 * each {@code B1:multiple} argument, the cost of ECM alone with that single plan on the 2x32-bit
 * semiprimes.
 *
 * <pre>{@code java -Dfactorlab.countOps=true \
 *     -cp factorlab-core/target/classes:factorlab-core/target/test-classes \
 *     org.factorlab.core.factor.Factor64Cost 150:50 175:50 200:50}</pre>
 */
public final class Factor64Cost {

    private Factor64Cost() {
    }

    public static void main(String[] args) {
        if (!Factor64.COUNTING) {
            throw new IllegalStateException("run with -Dfactorlab.countOps=true");
        }
        SplittableRandom random = new SplittableRandom(20261126);
        Map<String, long[]> workloads = new LinkedHashMap<>();
        long[] random64 = new long[20_000];
        for (int i = 0; i < random64.length; i++) {
            random64[i] = random.nextLong();
        }
        workloads.put("random 64-bit", random64);
        for (int bits : new int[] {24, 28, 32}) {
            long[] semiprimes = new long[1_000];
            for (int i = 0; i < semiprimes.length; i++) {
                semiprimes[i] = Factor64Bench.prime(random, bits) * Factor64Bench.prime(random, bits);
            }
            workloads.put("semiprimes 2x" + bits, semiprimes);
        }
        long[] out = new long[64];
        for (Map.Entry<String, long[]> w : workloads.entrySet()) {
            Factor64.operations = 0;
            for (long n : w.getValue()) {
                Factor64.factor(n, out);
            }
            System.out.printf("%-18s %8.0f multiplications per number%n", w.getKey(),
                    Factor64.operations / (double) w.getValue().length);
        }
        long[] hardest = workloads.get("semiprimes 2x32");
        for (String arg : args) {
            String[] parts = arg.split(":");
            Factor64.Plan plan = new Factor64.Plan(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            Factor64.operations = 0;
            for (long n : hardest) {
                if (Factor64.ecm(n, 1_000_000, new Factor64.Plan[] {plan}, new int[] {Integer.MAX_VALUE}) == 0) {
                    throw new AssertionError("ECM failed on " + Long.toUnsignedString(n));
                }
            }
            System.out.printf("ECM B1 %d, B2 %d: %8.0f multiplications per 2x32-bit semiprime%n", plan.b1, plan.b2,
                    Factor64.operations / (double) hardest.length);
        }
    }
}
