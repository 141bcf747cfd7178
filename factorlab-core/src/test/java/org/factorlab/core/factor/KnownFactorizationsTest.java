package org.factorlab.core.factor;

import org.factorlab.core.parallel.ThreadUnitExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published factorizations: the Fermat numbers F7 = 2^128 + 1 (Morrison and Brillhart, 1970) and
 * F8 = 2^256 + 1 (Brent and Pollard, 1980), and the Mersenne number 2^101 - 1; each checked through
 * the dispatcher on one thread and on two, so every route (rho, ECM, SIQS) meets a known answer.
 */
@Timeout(120)
class KnownFactorizationsTest {

    private static BigInteger big(String s) {
        return new BigInteger(s);
    }

    private static void assertFactors(BigInteger n, List<BigInteger> expected) {
        assertThat(new AutoFactorizer().factor(n).factors()).isEqualTo(expected);
        assertThat(new AutoFactorizer(ThreadUnitExecutor.shared(2), ProgressListener.NONE).factor(n).factors())
                .isEqualTo(expected);
    }

    @Test
    void fermatF7() {
        assertFactors(BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE),
                List.of(big("59649589127497217"), big("5704689200685129054721")));
    }

    @Test
    void fermatF8() {
        assertFactors(BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE),
                List.of(big("1238926361552897"),
                        big("93461639715357977769163558199606896584051237541638188580280321")));
    }

    @Test
    void mersenne101() {
        assertFactors(BigInteger.ONE.shiftLeft(101).subtract(BigInteger.ONE),
                List.of(big("7432339208719"), big("341117531003194129")));
    }

    @Test
    void mersenne67AsColeFoundIt() {
        assertFactors(BigInteger.ONE.shiftLeft(67).subtract(BigInteger.ONE),
                List.of(big("193707721"), big("761838257287")));
    }
}
