package org.factorlab.core.factor.siqs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The large primes' buckets (PolynomialSieve#fillBuckets, moved along by #updateRoots) hold exactly
 * the positions of the interval where g(x) = ((Ax + B)^2 − kN)/A is divisible by the prime, worked
 * out here from A and B alone: x ≡ (±t − B)·A^{-1} (mod p), t^2 ≡ kN, shifted by M. The sizes are
 * those whose factor bases reach past half the sieve interval and past the interval, where the
 * buckets are filled without branches, and the polynomials are the first of an A and ones reached
 * through root updates in both directions.
 */
class PolynomialSieveBucketTest {

    @ParameterizedTest
    @CsvSource({"56, 3, 0", "56, 3, 5", "60, 8, 0", "60, 8, 3", "60, 8, 6", "66, 2, 13"})
    void bucketsHoldExactlyTheLargePrimesHits(int digits, long aIndex, int polynomial) {
        BigInteger n = SiqsBench.semiprime(digits, 11);
        int k = Siqs.multiplier(n);
        SiqsParameters params = SiqsParameters.forDigits(digits);
        FactorBase fb = FactorBase.get(n, k, params);
        PolynomialSieve sieve = new PolynomialSieve(fb, params);
        int interval = params.intervalLength();
        int m = interval / 2;
        assertThat(fb.largestPrime()).as("primes past the interval").isGreaterThan(interval);
        assertThat(polynomial).isLessThan(sieve.polynomialsPerA());

        sieve.polynomialForTest(aIndex, polynomial);
        BigInteger[] ab = sieve.coefficientsForTest();
        BigInteger a = ab[0];
        BigInteger b = ab[1];

        List<Long> expected = new ArrayList<>();
        for (int i = fb.firstLarge; i < fb.size; i++) {
            int p = fb.primes[i];
            BigInteger bp = BigInteger.valueOf(p);
            if (a.mod(bp).signum() == 0 || fb.dividesK[i]) {
                continue; // a special prime: never sieved
            }
            long aInv = a.modInverse(bp).longValue();
            long bm = b.mod(bp).longValue();
            long t = fb.sqrts[i];
            for (long root : new long[] {t, p - t}) {
                long x = Math.floorMod((root - bm) * aInv % p + m, (long) p);
                for (long pos = x; pos < interval; pos += p) {
                    expected.add(((long) i << 32) | pos);
                }
            }
        }
        List<Long> actual = new ArrayList<>();
        for (int blk = 0; blk < params.sieveBlocks(); blk++) {
            for (int e : sieve.bucketForTest(blk)) {
                int i = e >>> SiqsParameters.BLOCK_BITS;
                long pos = ((long) blk << SiqsParameters.BLOCK_BITS) | (e & (SiqsParameters.BLOCK_SIZE - 1));
                actual.add(((long) i << 32) | pos);
            }
        }
        long[] want = expected.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] got = actual.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(want.length).as("hits at %d digits", digits).isGreaterThan(1000);
        assertThat(got).isEqualTo(want);
        // each hit also divides g(x) itself
        BigInteger kn = fb.kn;
        for (int h = 0; h < want.length; h += want.length / 50) {
            int i = (int) (want[h] >>> 32);
            long x = (want[h] & 0xFFFF_FFFFL) - m;
            BigInteger y = a.multiply(BigInteger.valueOf(x)).add(b);
            assertThat(y.pow(2).subtract(kn).mod(BigInteger.valueOf(fb.primes[i]))).isEqualTo(BigInteger.ZERO);
        }
        assertThat(Arrays.stream(got).distinct().count()).isEqualTo(got.length);
    }
}
