package org.factorlab.core.factor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Factor64#ecmStage2} against points whose order is known: modulo a small prime {@code p}
 * the group order of a curve (or of its twist, where an x-only point may lie) is counted
 * directly, and a random point is multiplied by the order divided by its largest prime
 * {@code ℓ}, leaving a point of order exactly {@code ℓ} modulo {@code p}. Stage 2 must then find
 * {@code p} in {@code n = p·P} when {@code ℓ} is a prime in {@code (B1, B2]} (every pairing of
 * giant and baby is exercised over the seeds), and must not when {@code ℓ > B2 + 210} (a pair
 * {@code 210k ± b} with one prime below B2 also tests the other, just above). The reference
 * scalar multiplication is an independent BigInteger Montgomery ladder.
 */
class Factor64Stage2Test {

    private static final BigInteger R = BigInteger.ONE.shiftLeft(64);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void findsExactlyThePrimesOfItsRange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Factor64.Plan plan = new Factor64.Plan(50, 50); // primes in (50, 2500]
        int found = 0;
        int missed = 0;
        int attempts = 0;
        while ((found < 60 || missed < 20) && attempts++ < 20_000) {
            long p = prime(random, 12 + random.nextInt(5)); // 12-16 bits: the group order is counted
            long big = prime(random, 40);
            long n = p * big;
            long a24 = Long.remainderUnsigned(random.nextLong(), n);
            long x0 = Long.remainderUnsigned(random.nextLong(), n);
            long a = Math.floorMod(4 * (a24 % p) - 2, p);
            if (Math.floorMod(a * a - 4, p) == 0) {
                continue; // singular modulo p
            }
            long order = groupOrder(p, a, x0 % p);
            long largest = largestPrimeFactor(order);
            BigInteger[] q = ladder(BigInteger.valueOf(order / largest), BigInteger.valueOf(x0),
                    BigInteger.valueOf(a24), BigInteger.valueOf(n));
            if (q[1].mod(BigInteger.valueOf(p)).signum() == 0) {
                continue; // the point's order divides order/largest: its order is not largest
            }
            boolean inRange = largest > plan.b1 && largest <= plan.b2;
            if (!inRange && largest <= plan.b2 + Factor64.STAGE2_D) {
                continue; // stage 1 would have taken it, or a pair 210k ± b just above B2 may
            }
            long f = stage2(q, a24, n, plan);
            if (inRange) {
                assertThat(f).as("order %d mod %d, n = %d", largest, p, n).isEqualTo(p);
                found++;
            } else {
                assertThat(f).as("order %d > B2 mod %d, n = %d", largest, p, n).isNotEqualTo(p);
                missed++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(60);
        assertThat(missed).isGreaterThanOrEqualTo(20);
    }

    /** Stage 2 from the projective point {@code q} (plain residues mod n), in Montgomery form. */
    private static long stage2(BigInteger[] q, long a24, long n, Factor64.Plan plan) {
        BigInteger bn = BigInteger.valueOf(n);
        long nInv = Factor64.inverse64(n);
        long one = Factor64.montOne(n);
        long r2 = Factor64.montR2(one, n, nInv);
        long x = q[0].multiply(R).mod(bn).longValueExact();
        long z = q[1].multiply(R).mod(bn).longValueExact();
        long a = BigInteger.valueOf(a24).multiply(R).mod(bn).longValueExact();
        return Factor64.ecmStage2(x, z, a, one, r2, n, nInv, plan);
    }

    /**
     * The order of the group holding the x-only point with abscissa {@code x}: the curve
     * {@code y² = x³ + ax² + x} modulo {@code p} if its right side is a square, else the twist.
     */
    private static long groupOrder(long p, long a, long x) {
        boolean[] square = new boolean[(int) p];
        for (long t = 0; t < p; t++) {
            square[(int) (t * t % p)] = true;
        }
        long points = p + 1; // the point at infinity, and 1 + χ(rhs) per abscissa
        for (long t = 0; t < p; t++) {
            long rhs = ((t * t % p * t) % p + a * t % p * t % p + t) % p;
            points += rhs == 0 ? 0 : square[(int) rhs] ? 1 : -1;
        }
        long rhs = ((x * x % p * x) % p + a * x % p * x % p + x) % p;
        return rhs == 0 || square[(int) rhs] ? points : 2 * p + 2 - points;
    }

    private static long largestPrimeFactor(long m) {
        long largest = 1;
        for (long d = 2; d * d <= m; d++) {
            while (m % d == 0) {
                largest = d;
                m /= d;
            }
        }
        return Math.max(largest, m);
    }

    /** {@code [k](x0 : 1)} on the curve with {@code (A + 2)/4 = a24} modulo {@code n}: {X, Z}. */
    static BigInteger[] ladder(BigInteger k, BigInteger x0, BigInteger a24, BigInteger n) {
        BigInteger[] lo = {x0, BigInteger.ONE};
        BigInteger[] hi = dbl(lo, a24, n);
        for (int bit = k.bitLength() - 2; bit >= 0; bit--) {
            if (k.testBit(bit)) {
                lo = add(lo, hi, x0, n);
                hi = dbl(hi, a24, n);
            } else {
                hi = add(lo, hi, x0, n);
                lo = dbl(lo, a24, n);
            }
        }
        return lo;
    }

    private static BigInteger[] dbl(BigInteger[] p, BigInteger a24, BigInteger n) {
        BigInteger s = p[0].add(p[1]).pow(2).mod(n);
        BigInteger d = p[0].subtract(p[1]).pow(2).mod(n);
        BigInteger t = s.subtract(d);
        return new BigInteger[] {s.multiply(d).mod(n), t.multiply(d.add(a24.multiply(t))).mod(n)};
    }

    /** {@code p + q} given {@code p − q = (xd : 1)}. */
    private static BigInteger[] add(BigInteger[] p, BigInteger[] q, BigInteger xd, BigInteger n) {
        BigInteger u = p[0].subtract(p[1]).multiply(q[0].add(q[1]));
        BigInteger v = p[0].add(p[1]).multiply(q[0].subtract(q[1]));
        return new BigInteger[] {u.add(v).pow(2).mod(n), xd.multiply(u.subtract(v).pow(2)).mod(n)};
    }

    private static long prime(SplittableRandom random, int bits) {
        while (true) {
            long c = (random.nextLong() >>> (64 - bits)) | (1L << (bits - 1)) | 1;
            if (BigInteger.valueOf(c).isProbablePrime(40)) {
                return c;
            }
        }
    }
}
