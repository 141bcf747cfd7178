package org.factorlab.core;

import java.math.BigInteger;

/** Conversions between unsigned 64-bit values held in a {@code long} and {@link BigInteger}. */
public final class Unsigned {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** The largest unsigned 64-bit value, 2^64 - 1. */
    public static final BigInteger MAX = TWO_64.subtract(BigInteger.ONE);

    private Unsigned() {
    }

    /** The value of {@code x} read as unsigned. */
    public static BigInteger toBigInteger(long x) {
        BigInteger b = BigInteger.valueOf(x);
        return x >= 0 ? b : b.add(TWO_64);
    }

    /** Whether {@code n} (non-negative) fits in 64 unsigned bits. */
    public static boolean fits(BigInteger n) {
        return n.signum() >= 0 && n.bitLength() <= 64;
    }
}
