package org.factorlab.engine.work;

import org.factorlab.core.factor.FactorStep;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * The {@code factor -v} line for one number, e.g.
 * {@code factorlab: 360: 2^3 3^2 5 by trial division (4 µs); 4 µs in all} or
 * {@code factorlab: 340282366920938463463374607431768211457: 59649589127497217 5704689200685129054721 by ecm (412 ms); 415 ms in all}:
 * the prime factors in the order they were found, grouped by the step that found them.
 */
final class TraceLine {
    private TraceLine() {
    }

    static String format(BigInteger n, List<FactorStep> steps, long totalNanos) {
        StringBuilder line = new StringBuilder("factorlab: ").append(n).append(':');
        if (steps.isEmpty()) {
            line.append(" no prime factors");
        }
        int i = 0;
        while (i < steps.size()) {
            FactorStep first = steps.get(i);
            int j = i;
            // one group: consecutive steps with the same method and time (the same split)
            while (j < steps.size() && steps.get(j).method().equals(first.method())
                    && steps.get(j).nanos() == first.nanos()) {
                j++;
            }
            int k = i;
            while (k < j) {
                int e = k + 1;
                while (e < j && steps.get(e).prime().equals(steps.get(k).prime())) {
                    e++;
                }
                line.append(' ').append(steps.get(k).prime());
                if (e - k > 1) {
                    line.append('^').append(e - k);
                }
                k = e;
            }
            line.append(" by ").append(first.method()).append(" (").append(duration(first.nanos())).append(')');
            if (j < steps.size()) {
                line.append(';');
            }
            i = j;
        }
        return line.append("; ").append(duration(totalNanos)).append(" in all").toString();
    }

    /** {@code 7 µs}, {@code 12.3 ms}, {@code 4.56 s}. */
    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return (nanos / 1000) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
