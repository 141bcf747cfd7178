package org.factorlab.core.factor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tuning harness (not a test) for the ECM pre-pass before SIQS: how often its curves find a factor of
 * the composites that reach it. Random integers of the given digits (seeded) have the primes below
 * {@link AutoFactorizer#BIG_TRIAL_LIMIT} divided out and are then split by the same rho walk as
 * {@link AutoFactorizer} until it fails; each composite piece of at least {@code minDigits} digits
 * then gets up to {@code curves} curves at B1 = 2,000, B2 = 200,000 (σ = 6, 7, ...), and the harness
 * prints, per curve index, how many pieces that curve was the first to split. The counts do not
 * depend on the machine; the time per curve is printed for the cost side.
 *
 * <pre>java -cp ... org.factorlab.core.factor.EcmPrepassYield digits count curves minDigits</pre>
 */
public final class EcmPrepassYield {
    private EcmPrepassYield() {
    }

    public static void main(String[] args) {
        int digits = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int curves = Integer.parseInt(args[2]);
        int minDigits = Integer.parseInt(args[3]);
        SplittableRandom rnd = new SplittableRandom(0xEC3_2026L + digits);
        BigInteger low = BigInteger.TEN.pow(digits - 1);
        int[] firstAt = new int[curves + 1];
        int pieces = 0;
        long curveNanos = 0;
        long curvesRun = 0;
        for (int i = 0; i < count; i++) {
            BigInteger n = low.add(new BigInteger(low.multiply(BigInteger.valueOf(9)).bitLength(), new java.util.Random(rnd.nextLong()))
                    .mod(low.multiply(BigInteger.valueOf(9))));
            for (BigInteger c : composites(n)) {
                if (AutoFactorizer.digits(c) < minDigits) {
                    continue;
                }
                pieces++;
                int found = 0;
                for (int k = 1; k <= curves && found == 0; k++) {
                    long t0 = System.nanoTime();
                    BigInteger f = Ecm.factor(c, 2_000, 200_000, 1, 5 + k);
                    curveNanos += System.nanoTime() - t0;
                    curvesRun++;
                    if (f != null) {
                        found = k;
                    }
                }
                firstAt[found]++;
            }
        }
        System.out.printf("%d-digit inputs: %d composite pieces of >= %d digits after trial division and rho; %.2f ms per curve%n",
                digits, pieces, minDigits, curveNanos / 1e6 / Math.max(1, curvesRun));
        int cumulative = 0;
        for (int k = 1; k <= curves; k++) {
            cumulative += firstAt[k];
            System.out.printf("curve %2d: %3d first (%.2f%%), %3d within%n", k, firstAt[k], 100.0 * firstAt[k] / pieces, cumulative);
        }
        System.out.printf("none: %d%n", firstAt[0]);
    }

    /** The composite pieces of n left after trial division and the rho walk (as AutoFactorizer does). */
    private static List<BigInteger> composites(BigInteger n) {
        BigInteger m = n;
        for (int p : PrimeSieve.primesUpTo(AutoFactorizer.BIG_TRIAL_LIMIT)) {
            BigInteger bp = BigInteger.valueOf(p);
            while (m.mod(bp).signum() == 0) {
                m = m.divide(bp);
            }
        }
        List<BigInteger> out = new ArrayList<>();
        List<BigInteger> todo = new ArrayList<>(List.of(m));
        while (!todo.isEmpty()) {
            BigInteger c = todo.remove(todo.size() - 1);
            if (c.equals(BigInteger.ONE) || c.isProbablePrime(40)) {
                continue;
            }
            BigInteger f = PollardBrent.factor(c, AutoFactorizer.RHO_STEPS);
            if (f == null) {
                out.add(c);
            } else {
                todo.add(f);
                todo.add(c.divide(f));
            }
        }
        return out;
    }
}
