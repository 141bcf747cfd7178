/*
 * Modular inverse of a random reduced a modulo a random odd 64-bit n (top bit set), two ways, checked
 * equal and timed in turn in one JVM:
 *
 *   javac -d /tmp/inv bench/research/Inverse64.java && java -cp /tmp/inv Inverse64
 *
 * "binary": the extended binary algorithm Factor64 used until session 11 (halvings with branches that
 * go either way); "euclid": extended Euclid on the remainders with unsigned division, keeping only the
 * magnitudes of the cofactors of a (their signs alternate), as Factor64.inverseMod does now.
 */
public class Inverse64 {
    static long binary(long a, long n) {
        if (a == 0) {
            return 0;
        }
        long u = a, v = n, x1 = 1, x2 = 0;
        while (u != 1 && v != 1) {
            while ((u & 1) == 0) {
                u >>>= 1;
                x1 = (x1 & 1) == 0 ? x1 >>> 1 : (x1 >>> 1) + (n >>> 1) + 1;
            }
            while ((v & 1) == 0) {
                v >>>= 1;
                x2 = (x2 & 1) == 0 ? x2 >>> 1 : (x2 >>> 1) + (n >>> 1) + 1;
            }
            if (u == v) {
                return 0;
            }
            if (Long.compareUnsigned(u, v) >= 0) {
                u -= v;
                x1 = Long.compareUnsigned(x1, x2) < 0 ? x1 - x2 + n : x1 - x2;
            } else {
                v -= u;
                x2 = Long.compareUnsigned(x2, x1) < 0 ? x2 - x1 + n : x2 - x1;
            }
        }
        return u == 1 ? x1 : x2;
    }

    static long euclid(long a, long n) {
        long r0 = n, r1 = a, t0 = 0, t1 = 1;
        int steps = 0;
        while (r1 != 0) {
            long q = Long.divideUnsigned(r0, r1);
            long r2 = r0 - q * r1;
            r0 = r1;
            r1 = r2;
            long t2 = t0 + q * t1;
            t0 = t1;
            t1 = t2;
            steps++;
        }
        return r0 != 1 ? 0 : (steps & 1) == 1 ? t0 : n - t0;
    }

    public static void main(String[] args) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int count = 4096;
        long[] as = new long[count];
        long[] ns = new long[count];
        for (int i = 0; i < count; i++) {
            ns[i] = random.nextLong() | 1 | Long.MIN_VALUE;
            as[i] = Long.remainderUnsigned(random.nextLong(), ns[i]);
            if (binary(as[i], ns[i]) != euclid(as[i], ns[i])) {
                throw new AssertionError("disagree at " + i);
            }
        }
        long sink = 0;
        for (int round = 1; round <= 6; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                for (int i = 0; i < count; i++) {
                    sink += binary(as[i], ns[i]);
                }
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                for (int i = 0; i < count; i++) {
                    sink += euclid(as[i], ns[i]);
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d, ns per inverse: binary %.0f, euclid %.0f%n", round,
                    (t1 - t0) / (20.0 * count), (t2 - t1) / (20.0 * count));
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
