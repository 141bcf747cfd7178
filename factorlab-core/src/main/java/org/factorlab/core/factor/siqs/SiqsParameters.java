package org.factorlab.core.factor.siqs;

import java.io.Serializable;

/**
 * The tuning of one SIQS run: factor-base size, sieve interval, large-prime bound, threshold and the
 * shape of the A-coefficients. Chosen from the size of the number by {@link #forDigits(int)}; a value
 * object, part of every {@link SieveUnit} and of the per-JVM factor-base cache key.
 *
 * @param factorBaseSize       number of primes in the factor base (including 2)
 * @param sieveBlocks          the interval {@code [-M, M)} has {@code 2M = sieveBlocks · 32768} positions
 * @param largePrimeMultiplier a cofactor below {@code largePrimeMultiplier · pmax} is kept as a large
 *                             prime (single large-prime variation); a composite cofactor whose two
 *                             prime factors are both below that bound is kept too (double large
 *                             primes; the threshold slack decides how large a cofactor is seen)
 * @param thresholdSlack       bits subtracted from the ideal threshold, for the unsieved small
 *                             primes and prime powers
 * @param smallPrimeLimit      primes below this are not sieved (small prime variation)
 * @param aFactorBits          desired size in bits of each prime factor of A
 * @param aPerUnit             how many A-coefficients one {@link SieveUnit} sieves
 * @param seed                 seed of the deterministic choice of A-coefficients
 */
public record SiqsParameters(int factorBaseSize, int sieveBlocks, int largePrimeMultiplier,
                             double thresholdSlack, int smallPrimeLimit, int aFactorBits, int aPerUnit,
                             long seed) implements Serializable {

    /** log2 of the sieve block size: 32 KiB, the L1 data cache of most cores. */
    static final int BLOCK_BITS = 15;
    static final int BLOCK_SIZE = 1 << BLOCK_BITS;

    // digits, factor base, blocks, LP multiplier, threshold slack (bits), A prime bits. Below ~45
    // digits partials rarely pair up, so the large-prime bound and the slack are kept small. Rows 39
    // to 55 were raced (SiqsParamRace: least thread CPU time of several rounds, same numbers,
    // interleaved) against their neighbours in each field; a larger small-prime limit (512, 1024)
    // and bucket sieving from 8 192 instead of 32 768 were slower at 45 digits. The factor bases of
    // rows 60 to 70 were raced the same way (one number each, the least of two or three rounds): 60
    // digits 4 000 -> 5 500 primes, 11.1 -> 8.3 s (7 000: 8.8 s); 65 digits 6 500 -> 8 500, 31.3 ->
    // 24.1 s (10 500: 25.1 s); 70 digits 10 000 -> 13 000, 132 -> 119 s; row 75 scaled with them.
    // With double large primes (from a multiplier of 2) the threshold slack rose from 50 digits on:
    // a lower threshold finds far more relations per polynomial (60 digits, one number: 20 736
    // polynomials at slack 14, 16 768 at 19, 13 696 at 24; 70 digits 116 352 at 15, 83 072 at 24,
    // 179 -> 151 s run side by side) for more candidates to check (46 000 -> 176 000 at 60 digits);
    // 50 digits was flat from 16 to 25 (1.07-1.11 s) and 28 was twice as slow.
    private static final int[][] TABLE = {
            {20, 120, 1, 20, 6, 7},
            {25, 180, 1, 20, 7, 8},
            {30, 260, 1, 25, 8, 8},
            {35, 420, 1, 30, 8, 9},
            {39, 600, 1, 30, 9, 9},
            {40, 800, 1, 30, 11, 9},
            {45, 1200, 1, 50, 14, 10},
            {50, 1800, 2, 100, 19, 10},
            {55, 3400, 2, 150, 21, 11},
            {60, 5500, 3, 100, 23, 11},
            {65, 8500, 4, 100, 24, 12},
            {70, 13000, 5, 110, 24, 12},
            {75, 18000, 6, 120, 25, 12},
            {80, 22000, 8, 120, 25, 12},
            {90, 40000, 10, 120, 25, 13},
            {100, 65000, 12, 120, 25, 13},
            {110, 100000, 14, 120, 25, 13},
    };

    /** The parameters for a number of {@code digits} decimal digits (interpolated in the table). */
    public static SiqsParameters forDigits(int digits) {
        int[] lo = TABLE[0];
        int[] hi = TABLE[TABLE.length - 1];
        for (int i = 0; i + 1 < TABLE.length; i++) {
            if (digits >= TABLE[i][0] && digits <= TABLE[i + 1][0]) {
                lo = TABLE[i];
                hi = TABLE[i + 1];
                break;
            }
        }
        double t = hi[0] == lo[0] ? 0 : Math.max(0, Math.min(1, (digits - lo[0]) / (double) (hi[0] - lo[0])));
        int fb = (int) Math.round(lo[1] + t * (hi[1] - lo[1]));
        int blocks = (int) Math.round(lo[2] + t * (hi[2] - lo[2]));
        int lp = (int) Math.round(lo[3] + t * (hi[3] - lo[3]));
        double slack = lo[4] + t * (hi[4] - lo[4]);
        int aBits = (int) Math.round(lo[5] + t * (hi[5] - lo[5]));
        return new SiqsParameters(fb, blocks, lp, slack, digits < 40 ? 100 : 256, aBits, 1, 0x51D5_2026L);
    }

    /** These parameters with another number of A-coefficients per unit. */
    public SiqsParameters withAPerUnit(int a) {
        return new SiqsParameters(factorBaseSize, sieveBlocks, largePrimeMultiplier, thresholdSlack,
                smallPrimeLimit, aFactorBits, a, seed);
    }

    int intervalLength() {
        return sieveBlocks << BLOCK_BITS;
    }
}
