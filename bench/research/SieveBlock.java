/*
 * One 32 KiB block of the SIQS sieve for the primes below the block size (PolynomialSieve's
 * per-block loop), ~1,800 factor-base-like primes (about half of all primes up to ~34,000, as at 50
 * digits), with the roots drawn afresh for every block from 64 sets so that the branch predictor
 * cannot learn them, as it cannot in a real run. Variants, timed in one JVM in interleaved rounds:
 *
 *   0  the loop before session 10: roots ordered by a branch, the smaller root's last hit by a branch
 *   1  roots ordered by Math.min/Math.max
 *   2  as 1, and the last hit always made, into a scratch byte past the block when it falls outside
 *      (what PolynomialSieve does since session 10)
 *   3  as 2 for p < 16,384; above, one sure hit per root and the second one masked, no loop
 *
 *   java bench/research/SieveBlock.java        (JDK 21+, source launcher; min and median µs per block)
 *
 * The checksum line shows that all variants leave the same sieve. The variants are near-copies on
 * purpose: each is the whole loop as the sieve would run it, so that the JIT compiles each alone.
 */
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

public class SieveBlock {
    static final int BS = 32768;

    static void v0(byte[] sv, int[] primes, byte[] logs, int[] next1, int[] next2, int first, int firstLarge, int start) {
        int end = start + BS;
        Arrays.fill(sv, start, end, (byte) 60);
        for (int i = first; i < firstLarge; i++) {
            int p = primes[i];
            byte lg = logs[i];
            int r1 = next1[i];
            int r2 = next2[i];
            if (r1 > r2) {
                int t = r1;
                r1 = r2;
                r2 = t;
            }
            for (; r2 < end; r1 += p, r2 += p) {
                sv[r1] += lg;
                sv[r2] += lg;
            }
            if (r1 < end) {
                sv[r1] += lg;
                r1 += p;
            }
            next1[i] = r1;
            next2[i] = r2;
        }
    }

    static void v1(byte[] sv, int[] primes, byte[] logs, int[] next1, int[] next2, int first, int firstLarge, int start) {
        int end = start + BS;
        Arrays.fill(sv, start, end, (byte) 60);
        for (int i = first; i < firstLarge; i++) {
            int p = primes[i];
            byte lg = logs[i];
            int r1 = Math.min(next1[i], next2[i]);
            int r2 = Math.max(next1[i], next2[i]);
            for (; r2 < end; r1 += p, r2 += p) {
                sv[r1] += lg;
                sv[r2] += lg;
            }
            if (r1 < end) {
                sv[r1] += lg;
                r1 += p;
            }
            next1[i] = r1;
            next2[i] = r2;
        }
    }

    static void v2(byte[] sv, int[] primes, byte[] logs, int[] next1, int[] next2, int first, int firstLarge, int start) {
        int end = start + BS;
        Arrays.fill(sv, start, end, (byte) 60);
        for (int i = first; i < firstLarge; i++) {
            int p = primes[i];
            byte lg = logs[i];
            int r1 = Math.min(next1[i], next2[i]);
            int r2 = Math.max(next1[i], next2[i]);
            for (; r2 < end; r1 += p, r2 += p) {
                sv[r1] += lg;
                sv[r2] += lg;
            }
            int inside = (r1 - end) >> 31;
            sv[(r1 & inside) | ((end + (i & 31)) & ~inside)] += lg;
            next1[i] = r1 + (p & inside);
            next2[i] = r2;
        }
    }

    static void v3(byte[] sv, int[] primes, byte[] logs, int[] next1, int[] next2, int first, int half, int firstLarge,
                   int start) {
        v2(sv, primes, logs, next1, next2, first, half, start); // fills the block and sieves p < BS/2
        int end = start + BS;
        for (int i = half; i < firstLarge; i++) {
            int p = primes[i];
            byte lg = logs[i];
            int scratch = end + (i & 31);
            int r = next1[i];
            sv[r] += lg;
            r += p;
            int inside = (r - end) >> 31;
            sv[(r & inside) | (scratch & ~inside)] += lg;
            next1[i] = r + (p & inside);
            r = next2[i];
            sv[r] += lg;
            r += p;
            inside = (r - end) >> 31;
            sv[(r & inside) | (scratch & ~inside)] += lg;
            next2[i] = r + (p & inside);
        }
    }

    public static void main(String[] args) {
        int n = 1800;
        int sets = 64;
        int[] primes = new int[n];
        byte[] logs = new byte[n];
        int[][] roots1 = new int[sets][n];
        int[][] roots2 = new int[sets][n];
        Random random = new Random(1);
        int p = 3;
        int first = -1;
        int half = -1;
        int firstLarge = -1;
        for (int i = 0; i < n; i++) {
            do {
                p += 2;
            } while (!BigInteger.valueOf(p).isProbablePrime(20) || random.nextBoolean());
            primes[i] = p;
            logs[i] = (byte) (32 - Integer.numberOfLeadingZeros(p));
            for (int z = 0; z < sets; z++) {
                roots1[z][i] = random.nextInt(p);
                roots2[z][i] = random.nextInt(p);
            }
            if (first < 0 && p > 256) {
                first = i;
            }
            if (half < 0 && p > BS / 2) {
                half = i;
            }
            if (firstLarge < 0 && p > BS) {
                firstLarge = i;
            }
        }
        int[] next1 = new int[n];
        int[] next2 = new int[n];
        byte[] sv = new byte[2 * BS + 32];
        int variants = 4;
        int rounds = 30;
        double[][] t = new double[variants][rounds];
        long[] checksum = new long[variants];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < variants; v++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < 500; k++) {
                    System.arraycopy(roots1[k % sets], 0, next1, 0, n);
                    System.arraycopy(roots2[k % sets], 0, next2, 0, n);
                    for (int b = 0; b < 2; b++) {
                        switch (v) {
                            case 0 -> v0(sv, primes, logs, next1, next2, first, firstLarge, b * BS);
                            case 1 -> v1(sv, primes, logs, next1, next2, first, firstLarge, b * BS);
                            case 2 -> v2(sv, primes, logs, next1, next2, first, firstLarge, b * BS);
                            default -> v3(sv, primes, logs, next1, next2, first, half, firstLarge, b * BS);
                        }
                        for (int j = b * BS; j < b * BS + BS; j += 61) {
                            checksum[v] += sv[j];
                        }
                    }
                }
                t[v][r] = (System.nanoTime() - t0) / 1000.0 / 1000;
            }
        }
        for (int v = 0; v < variants; v++) {
            double[] warm = Arrays.copyOfRange(t[v], rounds / 3, rounds);
            Arrays.sort(warm);
            System.out.printf("variant %d: min %.1f  median %.1f µs/block%n", v, warm[0], warm[warm.length / 2]);
        }
        System.out.println("checksums " + Arrays.toString(checksum));
    }
}
