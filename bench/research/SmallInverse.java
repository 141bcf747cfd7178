/*
 * The inverse of a residue modulo a factor-base prime, as the sieve needs once per prime and
 * A-coefficient (FactorBase.inverse): Euclid's extended algorithm as it is, Euclid with a subtraction
 * when the quotient is 1, Fermat (a^(p−2)) with floating-point reductions, binary extended gcd. 800
 * primes from 257 up; ns per inverse, least and median of the warm rounds, interleaved.
 *
 *   java bench/research/SmallInverse.java
 *
 * euclid() is a copy of FactorBase.inverse (package-private there; a copy keeps reflection out of the
 * timed loop), and the variants are near-copies of it on purpose: each is timed as a loop of its own.
 */
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

public class SmallInverse {
    static int euclid(int a, int p) {
        int r0 = p, r1 = a, s0 = 0, s1 = 1;
        while (r1 != 0) {
            int q = r0 / r1;
            int t = r0 - q * r1;
            r0 = r1;
            r1 = t;
            t = s0 - q * s1;
            s0 = s1;
            s1 = t;
        }
        return s0 < 0 ? s0 + p : s0;
    }

    static int euclidSubtract(int a, int p) {
        int r0 = p, r1 = a, s0 = 0, s1 = 1;
        while (r1 != 0) {
            int q = r0 < 2 * r1 ? 1 : r0 / r1;
            int t = r0 - q * r1;
            r0 = r1;
            r1 = t;
            t = s0 - q * s1;
            s0 = s1;
            s1 = t;
        }
        return s0 < 0 ? s0 + p : s0;
    }

    static long mulMod(long a, long b, int p, double inv) {
        long x = a * b;
        long r = x - (long) ((double) x * inv) * p;
        r += (r >> 63) & p;
        r -= p;
        r += (r >> 63) & p;
        return r;
    }

    static int fermat(int a, int p, double inv) {
        long base = a, r = 1;
        for (int e = p - 2; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                r = mulMod(r, base, p, inv);
            }
            base = mulMod(base, base, p, inv);
        }
        return (int) r;
    }

    static int binary(int a, int p) {
        int u = a, v = p, x1 = 1, x2 = 0;
        while (u != 1 && v != 1) {
            while ((u & 1) == 0) {
                u >>= 1;
                x1 = (x1 & 1) == 0 ? x1 >> 1 : (x1 + p) >> 1;
            }
            while ((v & 1) == 0) {
                v >>= 1;
                x2 = (x2 & 1) == 0 ? x2 >> 1 : (x2 + p) >> 1;
            }
            if (u >= v) {
                u -= v;
                x1 -= x2;
                if (x1 < 0) {
                    x1 += p;
                }
            } else {
                v -= u;
                x2 -= x1;
                if (x2 < 0) {
                    x2 += p;
                }
            }
        }
        return u == 1 ? x1 : x2;
    }

    public static void main(String[] args) {
        int n = 800;
        int[] primes = new int[n];
        double[] inv = new double[n];
        int p = 257;
        for (int i = 0; i < n; i++) {
            while (!BigInteger.valueOf(p).isProbablePrime(20)) {
                p += 2;
            }
            primes[i] = p;
            inv[i] = 1.0 / p;
            p += 2;
        }
        Random random = new Random(3);
        int[][] residues = new int[64][n];
        for (int[] set : residues) {
            for (int i = 0; i < n; i++) {
                set[i] = 1 + random.nextInt(primes[i] - 1);
            }
        }
        for (int i = 0; i < n; i++) {
            int a = residues[0][i];
            int e = euclid(a, primes[i]);
            if (euclidSubtract(a, primes[i]) != e || fermat(a, primes[i], inv[i]) != e || binary(a, primes[i]) != e) {
                throw new AssertionError("methods disagree at p = " + primes[i]);
            }
        }
        String[] names = {"euclid", "euclid, subtract", "fermat", "binary"};
        int rounds = 30;
        double[][] t = new double[names.length][rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < names.length; v++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < 200; k++) {
                    int[] a = residues[k & 63];
                    for (int i = 0; i < n; i++) {
                        sink += switch (v) {
                            case 0 -> euclid(a[i], primes[i]);
                            case 1 -> euclidSubtract(a[i], primes[i]);
                            case 2 -> fermat(a[i], primes[i], inv[i]);
                            default -> binary(a[i], primes[i]);
                        };
                    }
                }
                t[v][r] = (System.nanoTime() - t0) / (200.0 * n);
            }
        }
        for (int v = 0; v < names.length; v++) {
            double[] warm = Arrays.copyOfRange(t[v], rounds / 3, rounds);
            Arrays.sort(warm);
            System.out.printf("%-17s least %.1f  median %.1f ns%n", names[v], warm[0], warm[warm.length / 2]);
        }
        System.out.println("(" + sink + ")");
    }
}
