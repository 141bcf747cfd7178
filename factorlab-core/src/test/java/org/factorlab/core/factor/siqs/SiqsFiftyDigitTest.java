package org.factorlab.core.factor.siqs;

import org.factorlab.core.parallel.ThreadUnitExecutor;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The one ~49-digit run (kept apart so each test class stays short). */
class SiqsFiftyDigitTest {

    @Test
    void factorsAFiftyDigitSemiprimeOnTwoThreads() {
        Random random = new Random(50);
        BigInteger p = BigInteger.probablePrime(80, random);
        BigInteger q = BigInteger.probablePrime(81, random);
        BigInteger n = p.multiply(q);
        List<String> reports = new ArrayList<>();
        try (ThreadUnitExecutor pool = new ThreadUnitExecutor(2)) {
            BigInteger f = Siqs.factor(n, pool, (method, detail, fraction) -> reports.add(method + " " + detail));
            assertThat(f).isIn(p, q);
        }
        assertThat(reports).isNotEmpty().allMatch(s -> s.startsWith("siqs "));
    }

}
