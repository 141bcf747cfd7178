package org.factorlab.core.factor;

import org.factorlab.core.arith.Montgomery128;
import org.factorlab.core.primality.Bpsw;
import org.factorlab.core.primality.Bpsw128;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Timing harness (not a test): ms per number for Factor128 against the BigInteger path of
 * {@link AutoFactorizer}, on consecutive 96-bit numbers, 96-bit semiprimes (2×48) and 128-bit-class
 * semiprimes (2×63, the largest Factor128 takes); plus Bpsw128 against Bpsw and a Montgomery128
 * multiplication loop. Times are this thread's CPU time (the machine is shared). Each figure is the median of several timed rounds after at least 1.5 s of warm-up.
 *
 * <p>Usage: {@code java ... Factor128Bench [consecutive=2000] [semi96=40] [semi126=4] [rounds=3] [big=1]}
 * ({@code big=0} skips the AutoFactorizer BigInteger-path comparison, which is slow).
 */
public final class Factor128Bench {

    public static void main(String[] args) {
        int consecutive = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int semi96 = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int semi126 = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        boolean big = args.length <= 4 || !args[4].equals("0");

        benchArithmetic();
        benchPrimality(rounds);

        BigInteger start = new BigInteger("39614081257132168796771975168");
        List<BigInteger> seq = new ArrayList<>();
        for (int i = 0; i < consecutive; i++) {
            seq.add(start.add(BigInteger.valueOf(i)));
        }
        Random random = new Random(48);
        List<BigInteger> s96 = new ArrayList<>();
        for (int i = 0; i < semi96; i++) {
            s96.add(BigInteger.probablePrime(48, random).multiply(BigInteger.probablePrime(48, random)));
        }
        List<BigInteger> s126 = new ArrayList<>();
        for (int i = 0; i < semi126; i++) {
            s126.add(BigInteger.probablePrime(63, random).multiply(BigInteger.probablePrime(63, random)));
        }
        AutoFactorizer auto = new AutoFactorizer();
        row("consecutive 96-bit (" + consecutive + ")", seq, rounds, Factor128::factor,
                big ? n -> auto.factor(n) : null);
        row("96-bit semiprimes 2x48 (" + semi96 + ")", s96, rounds, Factor128::factor,
                big ? n -> auto.factor(n) : null);
        row("126-bit semiprimes 2x63 (" + semi126 + ")", s126, 1, Factor128::factor, null);
    }

    private static void row(String name, List<BigInteger> numbers, int rounds, Consumer<BigInteger> fast,
                            Consumer<BigInteger> slow) {
        double f = median(numbers, rounds, fast);
        String s = slow == null ? "-" : String.format("%.3f", median(numbers.subList(0,
                Math.min(numbers.size(), 200)), 1, slow));
        System.out.printf("%-34s Factor128 %8.3f ms/number   AutoFactorizer(BigInteger) %s ms/number%n", name, f, s);
    }

    private static double median(List<BigInteger> numbers, int rounds, Consumer<BigInteger> action) {
        // Warm-up: at least 1.5 s of CPU so that C2 has compiled the hot paths (slow on a busy machine).
        long warmStart = cpu();
        for (int i = 0; i < 20 && cpu() - warmStart < 1_500_000_000L; i++) {
            for (BigInteger n : numbers.subList(0, Math.min(numbers.size(), 300))) {
                action.accept(n);
            }
        }
        double[] times = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = cpu();
            for (BigInteger n : numbers) {
                action.accept(n);
            }
            times[r] = (cpu() - t0) / 1e6 / numbers.size();
        }
        Arrays.sort(times);
        return times[rounds / 2];
    }

    /** CPU time of this thread: the machine is shared, so wall time would measure the neighbours. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static void benchArithmetic() {
        BigInteger n = BigInteger.ONE.shiftLeft(126).add(BigInteger.valueOf(12345679));
        Montgomery128 m = Montgomery128.of(n);
        long xh = m.oneHi;
        long xl = m.oneLo + 12345;
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 7; r++) {
            long t0 = cpu();
            int count = 10_000_000;
            for (int i = 0; i < count; i++) {
                m.mul(xh, xl, m.oneHi, xl);
                xh = m.hi;
                xl = m.lo;
            }
            best = Math.min(best, (cpu() - t0) / (double) count);
            sink += xl;
        }
        System.out.printf("Montgomery128.mul: %.2f ns (dependent chain, best of 7)  [%d]%n", best, sink & 1);
    }

    private static void benchPrimality(int rounds) {
        Random random = new Random(127);
        List<BigInteger> primes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            primes.add(BigInteger.probablePrime(127, random));
        }
        double fast = median(primes, rounds, Bpsw128::isProbablePrime);
        double slow = median(primes, rounds, Bpsw::isProbablePrime);
        System.out.printf("BPSW on 127-bit primes: Bpsw128 %.4f ms, Bpsw(BigInteger) %.4f ms%n", fast, slow);
    }
}
