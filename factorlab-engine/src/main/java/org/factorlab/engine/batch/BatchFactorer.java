package org.factorlab.engine.batch;

import org.factorlab.core.Factorization;
import org.factorlab.core.Factorizer;
import org.factorlab.engine.io.ByteOutput;
import org.factorlab.engine.io.FactorFormat;
import org.factorlab.engine.io.NumberSyntax;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The {@code factor} command's contract, one token at a time: a valid token is factored and its line
 * written; an invalid one gets the one-line diagnostic on the error stream and is counted, and the
 * caller goes on with the rest. With verification on, each result is checked and a failure is
 * reported and counted the same way.
 *
 * <p>Values below 2^64 take the allocation-free path (parse, factor into a reused array, format);
 * larger ones go through {@link java.math.BigInteger}.
 *
 * <p>Not thread-safe: one instance per stream of tokens.
 */
public final class BatchFactorer {
    private final Factorizer factorizer;
    private final FactorFormat format;
    private final boolean verify;
    private final ByteOutput out;
    private final PrintStream err;
    private final long[] value = new long[1];
    private final long[] factors = new long[64];
    private long invalid;
    private long failed;
    private long factored;

    public BatchFactorer(Factorizer factorizer, FactorFormat format, boolean verify, ByteOutput out, PrintStream err) {
        this.factorizer = factorizer;
        this.format = format;
        this.verify = verify;
        this.out = out;
        this.err = err;
    }

    /**
     * Handles one token, {@code bytes[0..length)}.
     *
     * @throws IOException if the output cannot be written (for example a closed pipe)
     * @throws java.util.concurrent.CancellationException if the thread is interrupted during long work
     */
    public void accept(byte[] bytes, int length) throws IOException {
        int kind = NumberSyntax.parseUnsigned(bytes, length, value);
        if (kind == NumberSyntax.INVALID) {
            invalid++;
            err.println("factorlab: " + NumberSyntax.quote(bytes, length) + " is not a valid positive integer");
            return;
        }
        factored++;
        if (kind == NumberSyntax.OK) {
            long n = value[0];
            int k = factorizer.factor(n, factors);
            format.write(out, n, factors, k);
            if (verify && !Verifier.check(n, factors, k)) {
                reportFailure(Factorization.ofUnsigned(n, factors, k));
            }
        } else {
            Factorization fz = factorizer.factor(NumberSyntax.parseBig(bytes, length));
            format.write(out, fz);
            if (verify && !Verifier.check(fz)) {
                reportFailure(fz);
            }
        }
    }

    private void reportFailure(Factorization fz) {
        failed++;
        err.println("factorlab: verification failed for " + fz.number() + ": " + fz.factors());
    }

    /** How many tokens were not valid positive integers. */
    public long invalid() {
        return invalid;
    }

    /** How many results failed verification. */
    public long failedVerification() {
        return failed;
    }

    /** How many numbers were factored. */
    public long factored() {
        return factored;
    }

    /** Whether every token was valid and every checked result correct. */
    public boolean clean() {
        return invalid == 0 && failed == 0;
    }
}
