/*
 * Why Factor64's add and sub compare with the top bits flipped instead of Long.compareUnsigned: the
 * same two-curve Montgomery ladder (stage 1 of the 64-bit ECM) with three ways of writing the modular
 * corrections, timed in turn in one JVM.
 *
 *   javac -d /tmp/ls bench/research/LadderSelect.java && java -cp /tmp/ls LadderSelect
 *
 * "compareUnsigned": the select of each correction tests Long.compareUnsigned(a, b) < 0. C2 will not
 * make a select a conditional move when its result feeds a comparison directly (it hopes to split the
 * comparison through the merge), and here each product feeds the comparison of the next addition or
 * subtraction: eight of the step's selects became branches, taken or not about equally often.
 * "flipped": the same test as (a ^ MIN) < (b ^ MIN); an XOR stands between the value and the
 * comparison, and every select is a conditional move. "addsel": d + (borrow ? n : 0), the select's
 * result feeding only an addition (what Factor64 does now; checked equal too). "premul": addsel with
 * b·n^-1 computed once for the operands used twice and the constants (36 multiplications per curve
 * step instead of 40; checked equal; slower in session 12, 31 against 28.5 ns). "none": no corrections at all (wrong values; the
 * bound for what the corrections cost). The results of the first two are checked equal. Then, on a
 * modulus below 2^63, "flipped" against "signed", whose corrections add n masked by the sign of the
 * difference (Factor64's mul63/add63/sub63; valid only there), also checked equal. To see the
 * branches: a disassembler plugin (Debian's libhsdis0-fcml, copied as hsdis-amd64.so next to the
 * class files and put on LD_LIBRARY_PATH) and -XX:+UnlockDiagnosticVMOptions
 * -XX:CompileCommand=print,LadderSelect::ladderUnsigned.
 */
public class LadderSelect {
    private static final long MIN = Long.MIN_VALUE;

    static long mulU(long a, long b, long n, long nInv) {
        long hi = Math.unsignedMultiplyHigh(a, b);
        long mh = Math.unsignedMultiplyHigh(a * b * nInv, n);
        return Long.compareUnsigned(hi, mh) < 0 ? hi - mh + n : hi - mh;
    }

    static long addU(long a, long b, long n) {
        long t = n - b;
        return Long.compareUnsigned(a, t) < 0 ? a - t + n : a - t;
    }

    static long subU(long a, long b, long n) {
        return Long.compareUnsigned(a, b) < 0 ? a - b + n : a - b;
    }

    static long mulF(long a, long b, long n, long nInv) {
        long hi = Math.unsignedMultiplyHigh(a, b);
        long mh = Math.unsignedMultiplyHigh(a * b * nInv, n);
        return (hi ^ MIN) < (mh ^ MIN) ? hi - mh + n : hi - mh;
    }

    static long addF(long a, long b, long n) {
        long t = n - b;
        return (a ^ MIN) < (t ^ MIN) ? a - t + n : a - t;
    }

    static long subF(long a, long b, long n) {
        return (a ^ MIN) < (b ^ MIN) ? a - b + n : a - b;
    }

    // "addsel": the select chooses n or 0 and an addition follows, so no select's result feeds a
    // comparison (Factor64's form since session 11).
    static long mulZ(long a, long b, long n, long nInv) {
        long hi = Math.unsignedMultiplyHigh(a, b);
        long mh = Math.unsignedMultiplyHigh(a * b * nInv, n);
        return hi - mh + (Long.compareUnsigned(hi, mh) < 0 ? n : 0);
    }

    static long addZ(long a, long b, long n) {
        long t = n - b;
        return a - t + (Long.compareUnsigned(a, t) < 0 ? n : 0);
    }

    static long subZ(long a, long b, long n) {
        return a - b + (Long.compareUnsigned(a, b) < 0 ? n : 0);
    }

    // "premul": a·b/R with bN = b·n^-1 mod 2^64 computed once, for an operand used twice or constant
    // (m = a·bN is one multiplication instead of two): 36 multiplications per curve step instead of 40.
    static long mulP(long a, long b, long bN, long n) {
        long hi = Math.unsignedMultiplyHigh(a, b);
        long mh = Math.unsignedMultiplyHigh(a * bN, n);
        return hi - mh + (Long.compareUnsigned(hi, mh) < 0 ? n : 0);
    }

    static long mulN(long a, long b, long n, long nInv) {
        return Math.unsignedMultiplyHigh(a, b) - Math.unsignedMultiplyHigh(a * b * nInv, n) + n;
    }

    // The ladder is written out once per variant (not behind an interface or a flag) so that each copy
    // is compiled with its own arithmetic inlined and its own branch profile: the profiles are what
    // decide between branches and conditional moves, the thing measured here.
    static void ladderUnsigned(long[] out, long[] words, int bits, long pa, long a24a, long pb, long a24b, long n, long nInv) {
        long xa0 = pa, za0 = 1, xa1 = pa ^ 5, za1 = 3, xb0 = pb, zb0 = 1, xb1 = pb ^ 9, zb1 = 7;
        long swapped = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            long b = (words[bit >>> 6] >>> bit) & 1;
            long mask = -(b ^ swapped);
            swapped = b;
            long t = (xa0 ^ xa1) & mask; xa0 ^= t; xa1 ^= t;
            t = (za0 ^ za1) & mask; za0 ^= t; za1 ^= t;
            t = (xb0 ^ xb1) & mask; xb0 ^= t; xb1 ^= t;
            t = (zb0 ^ zb1) & mask; zb0 ^= t; zb1 ^= t;
            long da = subU(xa0, za0, n), sa = addU(xa0, za0, n), db = subU(xb0, zb0, n), sb = addU(xb0, zb0, n);
            long p = mulU(da, addU(xa1, za1, n), n, nInv), q = mulU(sa, subU(xa1, za1, n), n, nInv);
            long pp = mulU(db, addU(xb1, zb1, n), n, nInv), qq = mulU(sb, subU(xb1, zb1, n), n, nInv);
            long ssa = mulU(sa, sa, n, nInv), dda = mulU(da, da, n, nInv), ssb = mulU(sb, sb, n, nInv), ddb = mulU(db, db, n, nInv);
            long pq = addU(p, q, n), pmq = subU(p, q, n), ppq = addU(pp, qq, n), ppmq = subU(pp, qq, n);
            long ta = subU(ssa, dda, n), tb = subU(ssb, ddb, n);
            xa1 = mulU(pq, pq, n, nInv); xb1 = mulU(ppq, ppq, n, nInv);
            za1 = mulU(pa, mulU(pmq, pmq, n, nInv), n, nInv); zb1 = mulU(pb, mulU(ppmq, ppmq, n, nInv), n, nInv);
            xa0 = mulU(ssa, dda, n, nInv); xb0 = mulU(ssb, ddb, n, nInv);
            za0 = mulU(ta, addU(dda, mulU(a24a, ta, n, nInv), n), n, nInv);
            zb0 = mulU(tb, addU(ddb, mulU(a24b, tb, n, nInv), n), n, nInv);
        }
        out[0] = xa0; out[1] = za0; out[2] = xb0; out[3] = zb0;
    }

    static void ladderFlipped(long[] out, long[] words, int bits, long pa, long a24a, long pb, long a24b, long n, long nInv) {
        long xa0 = pa, za0 = 1, xa1 = pa ^ 5, za1 = 3, xb0 = pb, zb0 = 1, xb1 = pb ^ 9, zb1 = 7;
        long swapped = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            long b = (words[bit >>> 6] >>> bit) & 1;
            long mask = -(b ^ swapped);
            swapped = b;
            long t = (xa0 ^ xa1) & mask; xa0 ^= t; xa1 ^= t;
            t = (za0 ^ za1) & mask; za0 ^= t; za1 ^= t;
            t = (xb0 ^ xb1) & mask; xb0 ^= t; xb1 ^= t;
            t = (zb0 ^ zb1) & mask; zb0 ^= t; zb1 ^= t;
            long da = subF(xa0, za0, n), sa = addF(xa0, za0, n), db = subF(xb0, zb0, n), sb = addF(xb0, zb0, n);
            long p = mulF(da, addF(xa1, za1, n), n, nInv), q = mulF(sa, subF(xa1, za1, n), n, nInv);
            long pp = mulF(db, addF(xb1, zb1, n), n, nInv), qq = mulF(sb, subF(xb1, zb1, n), n, nInv);
            long ssa = mulF(sa, sa, n, nInv), dda = mulF(da, da, n, nInv), ssb = mulF(sb, sb, n, nInv), ddb = mulF(db, db, n, nInv);
            long pq = addF(p, q, n), pmq = subF(p, q, n), ppq = addF(pp, qq, n), ppmq = subF(pp, qq, n);
            long ta = subF(ssa, dda, n), tb = subF(ssb, ddb, n);
            xa1 = mulF(pq, pq, n, nInv); xb1 = mulF(ppq, ppq, n, nInv);
            za1 = mulF(pa, mulF(pmq, pmq, n, nInv), n, nInv); zb1 = mulF(pb, mulF(ppmq, ppmq, n, nInv), n, nInv);
            xa0 = mulF(ssa, dda, n, nInv); xb0 = mulF(ssb, ddb, n, nInv);
            za0 = mulF(ta, addF(dda, mulF(a24a, ta, n, nInv), n), n, nInv);
            zb0 = mulF(tb, addF(ddb, mulF(a24b, tb, n, nInv), n), n, nInv);
        }
        out[0] = xa0; out[1] = za0; out[2] = xb0; out[3] = zb0;
    }

    static void ladderAddsel(long[] out, long[] words, int bits, long pa, long a24a, long pb, long a24b, long n, long nInv) {
        long xa0 = pa, za0 = 1, xa1 = pa ^ 5, za1 = 3, xb0 = pb, zb0 = 1, xb1 = pb ^ 9, zb1 = 7;
        long swapped = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            long b = (words[bit >>> 6] >>> bit) & 1;
            long mask = -(b ^ swapped);
            swapped = b;
            long t = (xa0 ^ xa1) & mask; xa0 ^= t; xa1 ^= t;
            t = (za0 ^ za1) & mask; za0 ^= t; za1 ^= t;
            t = (xb0 ^ xb1) & mask; xb0 ^= t; xb1 ^= t;
            t = (zb0 ^ zb1) & mask; zb0 ^= t; zb1 ^= t;
            long da = subZ(xa0, za0, n), sa = addZ(xa0, za0, n), db = subZ(xb0, zb0, n), sb = addZ(xb0, zb0, n);
            long p = mulZ(da, addZ(xa1, za1, n), n, nInv), q = mulZ(sa, subZ(xa1, za1, n), n, nInv);
            long pp = mulZ(db, addZ(xb1, zb1, n), n, nInv), qq = mulZ(sb, subZ(xb1, zb1, n), n, nInv);
            long ssa = mulZ(sa, sa, n, nInv), dda = mulZ(da, da, n, nInv), ssb = mulZ(sb, sb, n, nInv), ddb = mulZ(db, db, n, nInv);
            long pq = addZ(p, q, n), pmq = subZ(p, q, n), ppq = addZ(pp, qq, n), ppmq = subZ(pp, qq, n);
            long ta = subZ(ssa, dda, n), tb = subZ(ssb, ddb, n);
            xa1 = mulZ(pq, pq, n, nInv); xb1 = mulZ(ppq, ppq, n, nInv);
            za1 = mulZ(pa, mulZ(pmq, pmq, n, nInv), n, nInv); zb1 = mulZ(pb, mulZ(ppmq, ppmq, n, nInv), n, nInv);
            xa0 = mulZ(ssa, dda, n, nInv); xb0 = mulZ(ssb, ddb, n, nInv);
            za0 = mulZ(ta, addZ(dda, mulZ(a24a, ta, n, nInv), n), n, nInv);
            zb0 = mulZ(tb, addZ(ddb, mulZ(a24b, tb, n, nInv), n), n, nInv);
        }
        out[0] = xa0; out[1] = za0; out[2] = xb0; out[3] = zb0;
    }

    static void ladderPremul(long[] out, long[] words, int bits, long pa, long a24a, long pb, long a24b, long n, long nInv) {
        long xa0 = pa, za0 = 1, xa1 = pa ^ 5, za1 = 3, xb0 = pb, zb0 = 1, xb1 = pb ^ 9, zb1 = 7;
        long paN = pa * nInv, pbN = pb * nInv, a24aN = a24a * nInv, a24bN = a24b * nInv;
        long swapped = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            long b = (words[bit >>> 6] >>> bit) & 1;
            long mask = -(b ^ swapped);
            swapped = b;
            long t = (xa0 ^ xa1) & mask; xa0 ^= t; xa1 ^= t;
            t = (za0 ^ za1) & mask; za0 ^= t; za1 ^= t;
            t = (xb0 ^ xb1) & mask; xb0 ^= t; xb1 ^= t;
            t = (zb0 ^ zb1) & mask; zb0 ^= t; zb1 ^= t;
            long da = subZ(xa0, za0, n), sa = addZ(xa0, za0, n), db = subZ(xb0, zb0, n), sb = addZ(xb0, zb0, n);
            long daN = da * nInv, saN = sa * nInv, dbN = db * nInv, sbN = sb * nInv;
            long p = mulP(addZ(xa1, za1, n), da, daN, n), q = mulP(subZ(xa1, za1, n), sa, saN, n);
            long pp = mulP(addZ(xb1, zb1, n), db, dbN, n), qq = mulP(subZ(xb1, zb1, n), sb, sbN, n);
            long ssa = mulP(sa, sa, saN, n), dda = mulP(da, da, daN, n), ssb = mulP(sb, sb, sbN, n), ddb = mulP(db, db, dbN, n);
            long pq = addZ(p, q, n), pmq = subZ(p, q, n), ppq = addZ(pp, qq, n), ppmq = subZ(pp, qq, n);
            long ta = subZ(ssa, dda, n), tb = subZ(ssb, ddb, n);
            xa1 = mulZ(pq, pq, n, nInv); xb1 = mulZ(ppq, ppq, n, nInv);
            za1 = mulP(mulZ(pmq, pmq, n, nInv), pa, paN, n); zb1 = mulP(mulZ(ppmq, ppmq, n, nInv), pb, pbN, n);
            xa0 = mulZ(ssa, dda, n, nInv); xb0 = mulZ(ssb, ddb, n, nInv);
            za0 = mulZ(ta, addZ(dda, mulP(ta, a24a, a24aN, n), n), n, nInv);
            zb0 = mulZ(tb, addZ(ddb, mulP(tb, a24b, a24bN, n), n), n, nInv);
        }
        out[0] = xa0; out[1] = za0; out[2] = xb0; out[3] = zb0;
    }
    static void ladderNone(long[] out, long[] words, int bits, long pa, long a24a, long pb, long a24b, long n, long nInv) {
        long xa0 = pa, za0 = 1, xa1 = pa ^ 5, za1 = 3, xb0 = pb, zb0 = 1, xb1 = pb ^ 9, zb1 = 7;
        long swapped = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            long b = (words[bit >>> 6] >>> bit) & 1;
            long mask = -(b ^ swapped);
            swapped = b;
            long t = (xa0 ^ xa1) & mask; xa0 ^= t; xa1 ^= t;
            t = (za0 ^ za1) & mask; za0 ^= t; za1 ^= t;
            t = (xb0 ^ xb1) & mask; xb0 ^= t; xb1 ^= t;
            t = (zb0 ^ zb1) & mask; zb0 ^= t; zb1 ^= t;
            long da = xa0 - za0, sa = xa0 + za0, db = xb0 - zb0, sb = xb0 + zb0;
            long p = mulN(da, xa1 + za1, n, nInv), q = mulN(sa, xa1 - za1, n, nInv);
            long pp = mulN(db, xb1 + zb1, n, nInv), qq = mulN(sb, xb1 - zb1, n, nInv);
            long ssa = mulN(sa, sa, n, nInv), dda = mulN(da, da, n, nInv), ssb = mulN(sb, sb, n, nInv), ddb = mulN(db, db, n, nInv);
            long pq = p + q, pmq = p - q, ppq = pp + qq, ppmq = pp - qq;
            long ta = ssa - dda, tb = ssb - ddb;
            xa1 = mulN(pq, pq, n, nInv); xb1 = mulN(ppq, ppq, n, nInv);
            za1 = mulN(pa, mulN(pmq, pmq, n, nInv), n, nInv); zb1 = mulN(pb, mulN(ppmq, ppmq, n, nInv), n, nInv);
            xa0 = mulN(ssa, dda, n, nInv); xb0 = mulN(ssb, ddb, n, nInv);
            za0 = mulN(ta, dda + mulN(a24a, ta, n, nInv), n, nInv);
            zb0 = mulN(tb, ddb + mulN(a24b, tb, n, nInv), n, nInv);
        }
        out[0] = xa0; out[1] = za0; out[2] = xb0; out[3] = zb0;
    }


    // For n < 2^63 only: a difference of reduced values is in (-n, n), its sign bit the borrow.
    static long mulS(long a, long b, long n, long nInv) {
        long r = Math.unsignedMultiplyHigh(a, b) - Math.unsignedMultiplyHigh(a * b * nInv, n);
        return r + (n & (r >> 63));
    }

    static long addS(long a, long b, long n) {
        long d = a - (n - b);
        return d + (n & (d >> 63));
    }

    static long subS(long a, long b, long n) {
        long d = a - b;
        return d + (n & (d >> 63));
    }

    static void ladderSigned(long[] out, long[] words, int bits, long pa, long a24a, long pb, long a24b, long n, long nInv) {
        long xa0 = pa, za0 = 1, xa1 = pa ^ 5, za1 = 3, xb0 = pb, zb0 = 1, xb1 = pb ^ 9, zb1 = 7;
        long swapped = 0;
        for (int bit = bits - 1; bit >= 0; bit--) {
            long b = (words[bit >>> 6] >>> bit) & 1;
            long mask = -(b ^ swapped);
            swapped = b;
            long t = (xa0 ^ xa1) & mask; xa0 ^= t; xa1 ^= t;
            t = (za0 ^ za1) & mask; za0 ^= t; za1 ^= t;
            t = (xb0 ^ xb1) & mask; xb0 ^= t; xb1 ^= t;
            t = (zb0 ^ zb1) & mask; zb0 ^= t; zb1 ^= t;
            long da = subS(xa0, za0, n), sa = addS(xa0, za0, n), db = subS(xb0, zb0, n), sb = addS(xb0, zb0, n);
            long p = mulS(da, addS(xa1, za1, n), n, nInv), q = mulS(sa, subS(xa1, za1, n), n, nInv);
            long pp = mulS(db, addS(xb1, zb1, n), n, nInv), qq = mulS(sb, subS(xb1, zb1, n), n, nInv);
            long ssa = mulS(sa, sa, n, nInv), dda = mulS(da, da, n, nInv), ssb = mulS(sb, sb, n, nInv), ddb = mulS(db, db, n, nInv);
            long pq = addS(p, q, n), pmq = subS(p, q, n), ppq = addS(pp, qq, n), ppmq = subS(pp, qq, n);
            long ta = subS(ssa, dda, n), tb = subS(ssb, ddb, n);
            xa1 = mulS(pq, pq, n, nInv); xb1 = mulS(ppq, ppq, n, nInv);
            za1 = mulS(pa, mulS(pmq, pmq, n, nInv), n, nInv); zb1 = mulS(pb, mulS(ppmq, ppmq, n, nInv), n, nInv);
            xa0 = mulS(ssa, dda, n, nInv); xb0 = mulS(ssb, ddb, n, nInv);
            za0 = mulS(ta, addS(dda, mulS(a24a, ta, n, nInv), n), n, nInv);
            zb0 = mulS(tb, addS(ddb, mulS(a24b, tb, n, nInv), n), n, nInv);
        }
        out[0] = xa0; out[1] = za0; out[2] = xb0; out[3] = zb0;
    }

    public static void main(String[] args) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261127);
        long n = random.nextLong() | Long.MIN_VALUE | 1; // a 64-bit modulus, as for two 32-bit primes
        long nInv = n;
        for (int i = 0; i < 5; i++) {
            nInv *= 2 - n * nInv;
        }
        int bits = 252; // the stage-1 scalar at B1 = 175
        long[] words = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
        long[] u = new long[4];
        long[] f = new long[4];
        long[] x = new long[4];
        long[] g = new long[4];
        long m = (random.nextLong() >>> 1) | (1L << 62) | 1; // below 2^63, for the signed variant
        long mInv = m;
        for (int i = 0; i < 5; i++) {
            mInv *= 2 - m * mInv;
        }
        int calls = 20_000;
        for (int round = 1; round <= 6; round++) {
            long[] ns = new long[7];
            for (int i = 0; i < calls; i++) {
                long pa = Long.remainderUnsigned(random.nextLong(), n);
                long pb = Long.remainderUnsigned(random.nextLong(), n);
                long a24a = Long.remainderUnsigned(random.nextLong(), n);
                long a24b = Long.remainderUnsigned(random.nextLong(), n);
                long t0 = System.nanoTime();
                ladderUnsigned(u, words, bits, pa, a24a, pb, a24b, n, nInv);
                long t1 = System.nanoTime();
                ladderFlipped(f, words, bits, pa, a24a, pb, a24b, n, nInv);
                long t2 = System.nanoTime();
                ladderNone(x, words, bits, pa, a24a, pb, a24b, n, nInv);
                long t3 = System.nanoTime();
                ns[0] += t1 - t0;
                ns[1] += t2 - t1;
                ns[2] += t3 - t2;
                if (!java.util.Arrays.equals(u, f)) {
                    throw new AssertionError("the two correct ladders disagree");
                }
                long t7 = System.nanoTime();
                ladderAddsel(x, words, bits, pa, a24a, pb, a24b, n, nInv);
                ns[5] += System.nanoTime() - t7;
                if (!java.util.Arrays.equals(u, x)) {
                    throw new AssertionError("the addsel ladder disagrees");
                }
                long t8 = System.nanoTime();
                ladderPremul(x, words, bits, pa, a24a, pb, a24b, n, nInv);
                ns[6] += System.nanoTime() - t8;
                if (!java.util.Arrays.equals(u, x)) {
                    throw new AssertionError("the premul ladder disagrees");
                }
                long qa = Long.remainderUnsigned(pa, m);
                long qb = Long.remainderUnsigned(pb, m);
                long ca = Long.remainderUnsigned(a24a, m);
                long cb = Long.remainderUnsigned(a24b, m);
                long t4 = System.nanoTime();
                ladderFlipped(f, words, bits, qa, ca, qb, cb, m, mInv);
                long t5 = System.nanoTime();
                ladderSigned(g, words, bits, qa, ca, qb, cb, m, mInv);
                long t6 = System.nanoTime();
                ns[3] += t5 - t4;
                ns[4] += t6 - t5;
                if (!java.util.Arrays.equals(f, g)) {
                    throw new AssertionError("the signed ladder disagrees");
                }
            }
            System.out.printf("round %d, ns per step of the pair: compareUnsigned %.1f, flipped %.1f, addsel %.1f,"
                    + " premul %.1f, none %.1f; modulus below 2^63: flipped %.1f, signed %.1f%n", round,
                    ns[0] / (double) calls / bits, ns[1] / (double) calls / bits, ns[5] / (double) calls / bits,
                    ns[6] / (double) calls / bits, ns[2] / (double) calls / bits, ns[3] / (double) calls / bits,
                    ns[4] / (double) calls / bits);
        }
    }
}
