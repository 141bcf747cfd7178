package org.factorlab.cli;

import java.util.List;

/**
 * Runs the common {@code factorlab factor} command lines without loading picocli.
 *
 * <p>Why: picocli's classes are Java 5 class files, which the JVM verifies the slow way and cannot
 * keep in a class-data-sharing or AOT archive; parsing one command line with it costs more start-up
 * time than factoring thousands of numbers. {@code factor} is the command people run in pipelines
 * and loops, so its plain forms skip it.
 *
 * <p>What counts as plain: numbers (digits with an optional leading {@code +}), the flags
 * {@code -h --exponents --json --verify -v --verbose --unordered}, {@code -j N}, {@code -jN},
 * {@code --workers N}, {@code --workers=N}, {@code --jobs N}, {@code --jobs=N} with {@code N ≥ 1},
 * and {@code --} (after which every argument is a number). Anything else — help, version, other
 * options, a negative number, a malformed token, a repeated option — returns {@code null} and
 * picocli handles the whole command line, with its messages. So the two paths cannot disagree on anything this class accepts, which a
 * test checks by running both.
 */
final class QuickFactor {
    private QuickFactor() {
    }

    /** The command set up from {@code args}, or {@code null} if picocli should parse them. */
    static FactorCommand parse(String[] args, Streams streams) {
        if (args.length == 0 || !args[0].equals("factor")) {
            return null;
        }
        FactorCommand c = new FactorCommand(streams);
        boolean literal = false;
        boolean workersSeen = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (literal || isPlainNumber(a)) {
                c.numbers.add(a);
                continue;
            }
            switch (a) {
                case "--" -> literal = true;
                case "-h", "--exponents" -> {
                    if (c.exponents) {
                        return null;
                    }
                    c.exponents = true;
                }
                case "--json" -> {
                    if (c.json) {
                        return null;
                    }
                    c.json = true;
                }
                case "--verify" -> {
                    if (c.verify) {
                        return null;
                    }
                    c.verify = true;
                }
                case "-v", "--verbose" -> {
                    if (c.verbose) {
                        return null;
                    }
                    c.verbose = true;
                }
                case "--unordered" -> {
                    if (c.models.unordered) {
                        return null;
                    }
                    c.models.unordered = true;
                }
                default -> {
                    String value;
                    if ((a.equals("-j") || a.equals("--workers") || a.equals("--jobs")) && i + 1 < args.length) {
                        value = args[++i];
                    } else if (a.startsWith("--workers=") || a.startsWith("--jobs=")) {
                        value = a.substring(a.indexOf('=') + 1);
                    } else if (a.startsWith("-j") && a.length() > 2) {
                        value = a.substring(2);
                    } else {
                        return null;
                    }
                    int n = smallPositive(value);
                    if (workersSeen || n < 1) {
                        return null;
                    }
                    workersSeen = true;
                    c.models.workers = n;
                }
            }
        }
        return c;
    }

    /** Digits, optionally after one {@code +}: what {@code factor} takes as a number (any size). */
    static boolean isPlainNumber(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /** A decimal 1..4096, or -1. */
    private static int smallPositive(String s) {
        if (s.isEmpty() || s.length() > 4) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n >= 1 && n <= 4096 ? n : -1;
    }

    /** For tests: the numbers a parsed command will factor. */
    static List<String> numbers(FactorCommand c) {
        return c.numbers;
    }
}
