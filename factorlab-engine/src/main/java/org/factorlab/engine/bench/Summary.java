package org.factorlab.engine.bench;

import java.util.Arrays;

/**
 * Robust statistics of a handful of timings (seconds): median, extremes, the median absolute
 * deviation, and a 95% confidence interval for the median.
 *
 * <p>The interval uses order statistics (a distribution-free interval for the median: the k-th smallest
 * and k-th largest sample, with k from the binomial(n, 1/2) distribution); with fewer than 6 samples no
 * such interval reaches 95%, and it is then the full range [min, max].
 *
 * @param n      how many samples
 * @param median the middle value (mean of the two middle values for an even n)
 * @param min    the smallest
 * @param max    the largest
 * @param mad    the median absolute deviation from the median (unscaled)
 * @param ciLow  lower end of the 95% interval for the median
 * @param ciHigh upper end of the 95% interval for the median
 */
public record Summary(int n, double median, double min, double max, double mad, double ciLow, double ciHigh) {

    /** The statistics of {@code values} (not modified); at least one value. */
    public static Summary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double median = median(x);
        double[] deviations = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            deviations[i] = Math.abs(x[i] - median);
        }
        Arrays.sort(deviations);
        int k = orderStatisticRank(x.length);
        double low = k < 0 ? x[0] : x[k];
        double high = k < 0 ? x[x.length - 1] : x[x.length - 1 - k];
        return new Summary(x.length, median, x[0], x[x.length - 1], median(deviations), low, high);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The largest 0-based rank k such that [x(k), x(n-1-k)] covers the median with probability at
     * least 95%, i.e. P(Binomial(n, 1/2) ≤ k) ≤ 2.5%; -1 when even k = 0 does not reach 95%.
     */
    static int orderStatisticRank(int n) {
        if (n > 1000) {
            // 0.5^n underflows: the normal approximation of the binomial is exact enough here
            return (int) Math.floor((n - 1.96 * Math.sqrt(n)) / 2) - 1;
        }
        double cumulative = 0;
        double p = Math.pow(0.5, n); // P(B = 0)
        int k = -1;
        for (int j = 0; j < n / 2; j++) {
            cumulative += p;
            if (cumulative > 0.025) {
                break;
            }
            k = j;
            p = p * (n - j) / (j + 1);
        }
        return k;
    }
}
