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
 * {@code 210k ± b} with one prime below B2 also tests the other, just above). Stage 2 runs two
 * curves at once; the other curve's point has an order beyond B2 and sits in either place. The
 * reference scalar multiplication is an independent BigInteger Montgomery ladder.
 */
class Factor64Stage2Test {

    private static final BigInteger R = BigInteger.ONE.shiftLeft(64);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void findsExactlyThePrimesOfItsRange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Factor64.Plan plan = new Factor64.Plan(50, 50); // primes in (50, 2500]
        long beyond = plan.b2 + Factor64.STAGE2_D; // a pair 210k ± b with one prime below B2 also tests the other
        int found = 0;
        int missed = 0;
        int attempts = 0;
        while ((found < 60 || missed < 20) && attempts++ < 20_000) {
            long p = prime(random, 12 + random.nextInt(5)); // 12-16 bits: the group order is counted
            long n = p * prime(random, 40);
            KnownPoint tested = knownPoint(random, p, n);
            KnownPoint other = knownPoint(random, p, n);
            if (tested == null || other == null || other.order <= beyond) {
                continue; // stage 2 runs two curves at once; the other must not find p by itself
            }
            boolean inRange = tested.order > plan.b1 && tested.order <= plan.b2;
            if (!inRange && tested.order <= beyond) {
                continue; // stage 1 would have taken it, or a pair 210k ± b just above B2 may
            }
            // The tested curve in either of the two places, so that both halves of the code are checked.
            long f = random.nextBoolean() ? stage2(tested, other, n, plan) : stage2(other, tested, n, plan);
            if (inRange) {
                assertThat(f).as("order %d mod %d, n = %d", tested.order, p, n).isEqualTo(p);
                found++;
            } else {
                assertThat(f).as("order %d > B2 mod %d, n = %d", tested.order, p, n).isNotEqualTo(p);
                missed++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(60);
        assertThat(missed).isGreaterThanOrEqualTo(20);
    }

    /** A point {@code q} (plain residues mod n) on the curve {@code a24}, of prime order {@code order} modulo p. */
    private record KnownPoint(BigInteger[] q, long a24, long order) {
    }

    /** A random curve and point multiplied to prime order modulo {@code p}, or null if that failed. */
    private static KnownPoint knownPoint(SplittableRandom random, long p, long n) {
        long a24 = Long.remainderUnsigned(random.nextLong(), n);
        long x0 = Long.remainderUnsigned(random.nextLong(), n);
        long a = Math.floorMod(4 * (a24 % p) - 2, p);
        if (Math.floorMod(a * a - 4, p) == 0) {
            return null; // singular modulo p
        }
        long order = groupOrder(p, a, x0 % p);
        long largest = largestPrimeFactor(order);
        BigInteger[] q = ladder(BigInteger.valueOf(order / largest), BigInteger.valueOf(x0),
                BigInteger.valueOf(a24), BigInteger.valueOf(n));
        if (q[1].mod(BigInteger.valueOf(p)).signum() == 0) {
            return null; // the point's order divides order/largest: its order is not largest
        }
        return new KnownPoint(q, a24, largest);
    }

    /** Stage 2 of the two curves, in Montgomery form. */
    private static long stage2(KnownPoint first, KnownPoint second, long n, Factor64.Plan plan) {
        long nInv = Factor64.inverse64(n);
        long one = Factor64.montOne(n);
        long r2 = Factor64.montR2(one, n, nInv);
        return Factor64.ecmStage2(mont(first.q[0], n), mont(first.q[1], n), mont(BigInteger.valueOf(first.a24), n),
                mont(second.q[0], n), mont(second.q[1], n), mont(BigInteger.valueOf(second.a24), n),
                one, r2, n, nInv, plan);
    }

    private static long mont(BigInteger v, long n) {
        return v.multiply(R).mod(BigInteger.valueOf(n)).longValueExact();
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
