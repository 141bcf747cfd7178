package org.factorlab.engine.work;

import org.factorlab.core.factor.AutoFactorizer;
import org.factorlab.core.factor.FactorStep;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceLineTest {

    private static FactorStep step(long p, String method, long nanos) {
        return new FactorStep(BigInteger.valueOf(p), method, nanos);
    }

    @Test
    void groupsPrimesBySplitAndPowersByPrime() {
        String line = TraceLine.format(BigInteger.valueOf(360L * 1000003 * 1000033),
                List.of(step(2, "trial division", 4000), step(2, "trial division", 4000), step(2, "trial division", 4000),
                        step(3, "trial division", 4000), step(3, "trial division", 4000), step(5, "trial division", 4000),
                        step(1000003, "rho", 12_300_000), step(1000033, "rho", 12_300_000)),
                1_500_000_000L);
        assertThat(line).isEqualTo("factorlab: 360012960035640: 2^3 3^2 5 by trial division (4 µs);"
                + " 1000003 1000033 by rho (12.3 ms); 1.50 s in all");
    }

    @Test
    void numbersWithoutFactorsSaySo() {
        assertThat(TraceLine.format(BigInteger.ONE, List.of(), 19_000)).isEqualTo("factorlab: 1: no prime factors; 19 µs in all");
    }

    @Test
    void theTraceOfARealFactorizationCoversEveryPrimeFactor() {
        BigInteger n = new BigInteger("340282366920938463463374607431768211457").multiply(BigInteger.valueOf(360));
        List<FactorStep> steps = new ArrayList<>();
        List<BigInteger> factors = new AutoFactorizer().factor(n, steps::add).factors();
        assertThat(steps.stream().map(FactorStep::prime).sorted().toList()).isEqualTo(factors);
        assertThat(steps).filteredOn(s -> s.prime().equals(BigInteger.valueOf(59649589127497217L)))
                .singleElement().satisfies(s -> assertThat(s.method()).isIn("ecm", "siqs", "rho"));
        assertThat(steps).filteredOn(s -> s.prime().equals(BigInteger.TWO)).allMatch(s -> s.method().equals("trial division"));
    }
}
