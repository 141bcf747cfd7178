package org.factorlab.core.factor;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs GNU coreutils {@code factor} on a list of numbers, for cross-checks; null if unavailable. */
final class GnuFactor {

    private GnuFactor() {
    }

    static List<List<BigInteger>> factor(List<BigInteger> numbers) {
        try {
            Process process = new ProcessBuilder("factor").redirectErrorStream(true).start();
            try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII)) {
                for (BigInteger n : numbers) {
                    w.write(n + "\n");
                }
            }
            List<List<BigInteger>> result = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] parts = line.trim().split("[: ]+");
                    List<BigInteger> factors = new ArrayList<>();
                    for (int i = 1; i < parts.length; i++) {
                        factors.add(new BigInteger(parts[i]));
                    }
                    result.add(factors);
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                    || result.size() != numbers.size()) {
                return null;
            }
            return result;
        } catch (Exception e) {
            return null;
        }
    }
}
