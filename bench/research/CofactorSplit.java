/*
 * Splitting double-large-prime cofactors: products of two random primes in [LO, HI) (the bounds a SIQS
 * run's factor base gives: above pmax, at most the large-prime bound), 20,000 of them, split by
 * Factor64.split, rho alone, Hart's method alone and the 64-bit ECM; µs per cofactor, five rounds.
 *
 *   javac -d /tmp/cs bench/research/CofactorSplit.java
 *   java -cp /tmp/cs:factorlab-core/target/classes CofactorSplit 120000 360000     (60 digits' bounds)
 *   java -cp /tmp/cs:factorlab-core/target/classes CofactorSplit 33000 3300000     (50 digits')
 */
import java.lang.reflect.Method;
import java.util.Random;

public class CofactorSplit {
    public static void main(String[] args) throws Exception {
        Class<?> f64 = Class.forName("org.factorlab.core.factor.Factor64");
        Method split = f64.getMethod("split", long.class);
        Method isPrime = f64.getMethod("isPrime", long.class);
        Method rho = f64.getMethod("rho", long.class, long.class);
        Method hart = f64.getMethod("hart", long.class, int.class);
        Method ecm = f64.getMethod("ecm", long.class, int.class);
        long lo = Long.parseLong(args[0]);
        long hi = Long.parseLong(args[1]);
        Random random = new Random(5);
        long[] cofactors = new long[20_000];
        for (int i = 0; i < cofactors.length; i++) {
            long p = prime(random, lo, hi, isPrime);
            long q;
            do {
                q = prime(random, lo, hi, isPrime);
            } while (q == p);
            cofactors[i] = p * q;
        }
        String[] names = {"split", "rho", "hart", "ecm"};
        for (int r = 0; r < 5; r++) {
            StringBuilder line = new StringBuilder();
            for (int v = 0; v < names.length; v++) {
                long t0 = System.nanoTime();
                int failed = 0;
                for (long m : cofactors) {
                    long f = switch (v) {
                        case 0 -> (long) split.invoke(null, m);
                        case 1 -> (long) rho.invoke(null, m, Long.MAX_VALUE);
                        case 2 -> (long) hart.invoke(null, m, 1 << 20);
                        default -> (long) ecm.invoke(null, m, 300);
                    };
                    if (f <= 1 || f == m) {
                        failed++;
                    }
                }
                line.append(String.format("%s %.2f µs (failed %d)  ", names[v],
                        (System.nanoTime() - t0) / 1e3 / cofactors.length, failed));
            }
            System.out.println(line);
        }
    }

    private static long prime(Random random, long lo, long hi, Method isPrime) throws Exception {
        long p;
        do {
            p = lo + (long) (random.nextDouble() * (hi - lo));
        } while (!(boolean) isPrime.invoke(null, p));
        return p;
    }
}
