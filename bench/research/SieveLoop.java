/*
 * The Java counterpart of store-throughput.c: the sieve's loop over one prime's two roots in a 32 KiB
 * block (as PolynomialSieve#sievePolynomial has it), with variants, all timed in one JVM in
 * interleaved rounds so that the machine's changes of speed fall on every variant alike.
 *
 *   java bench/research/SieveLoop.java 263      (JDK 21+, source launcher; prints min and median)
 *
 * Variants: 0 the loop as in the sieve; 1 unrolled twice; 2 indices masked into a static array
 * (no bounds checks); 3 a counted loop (trip count computed first).
 */
public class SieveLoop {
    static final int BLOCK = 32768;
    static final byte[] STATIC = new byte[BLOCK + 64];

    static void asInSieve(byte[] sv, int p, int r1, int r2, byte lg, int end) {
        if (r1 > r2) { int t = r1; r1 = r2; r2 = t; }
        for (; r2 < end; r1 += p, r2 += p) { sv[r1] += lg; sv[r2] += lg; }
        if (r1 < end) sv[r1] += lg;
    }

    static void unrolled(byte[] sv, int p, int r1, int r2, byte lg, int end) {
        if (r1 > r2) { int t = r1; r1 = r2; r2 = t; }
        int p2 = 2 * p;
        for (; r2 + p < end; r1 += p2, r2 += p2) { sv[r1] += lg; sv[r2] += lg; sv[r1 + p] += lg; sv[r2 + p] += lg; }
        for (; r2 < end; r1 += p, r2 += p) { sv[r1] += lg; sv[r2] += lg; }
        if (r1 < end) sv[r1] += lg;
    }

    static void masked(byte[] unused, int p, int r1, int r2, byte lg, int end) {
        byte[] s = STATIC;
        if (r1 > r2) { int t = r1; r1 = r2; r2 = t; }
        for (; r2 < end; r1 += p, r2 += p) { s[r1 & (BLOCK - 1)] += lg; s[r2 & (BLOCK - 1)] += lg; }
        if (r1 < end) s[r1 & (BLOCK - 1)] += lg;
    }

    static void counted(byte[] sv, int p, int r1, int r2, byte lg, int end) {
        if (r1 > r2) { int t = r1; r1 = r2; r2 = t; }
        int n = r2 >= end ? 0 : (end - 1 - r2) / p + 1;
        for (int i = 0; i < n; i++) { sv[r1] += lg; sv[r2] += lg; r1 += p; r2 += p; }
        if (r1 < end) sv[r1] += lg;
    }

    public static void main(String[] args) {
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 263;
        byte[] sv = new byte[BLOCK + 64];
        String[] names = {"as in the sieve", "unrolled twice", "masked, static", "counted"};
        int rounds = 30;
        double[][] t = new double[names.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < names.length; v++) {
                long t0 = System.nanoTime();
                long updates = 0;
                for (int k = 0; k < 50_000; k++) {
                    int r1 = (int) ((k * 7919L) % p);
                    int r2 = (int) ((k * 104729L + 13) % p);
                    switch (v) {
                        case 0 -> asInSieve(sv, p, r1, r2, (byte) 3, BLOCK);
                        case 1 -> unrolled(sv, p, r1, r2, (byte) 3, BLOCK);
                        case 2 -> masked(sv, p, r1, r2, (byte) 3, BLOCK);
                        default -> counted(sv, p, r1, r2, (byte) 3, BLOCK);
                    }
                    updates += 2 * (BLOCK / p);
                }
                t[v][r] = (System.nanoTime() - t0) / (double) updates;
            }
        }
        for (int v = 0; v < names.length; v++) {
            double[] warm = java.util.Arrays.copyOfRange(t[v], rounds / 3, rounds);
            java.util.Arrays.sort(warm);
            System.out.printf("p=%d %-16s min %.2f  median %.2f ns/update%n", p, names[v], warm[0], warm[warm.length / 2]);
        }
        System.out.println("(checksum " + (sv[100] + STATIC[100]) + ")");
    }
}
