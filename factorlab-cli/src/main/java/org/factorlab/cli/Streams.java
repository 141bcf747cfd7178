package org.factorlab.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The standard streams a command uses: the real ones in the executable, in-memory ones in tests.
 *
 * @param in  standard input
 * @param out standard output, raw bytes (commands buffer it themselves)
 * @param err standard error, for diagnostics and summaries
 */
public record Streams(InputStream in, OutputStream out, PrintStream err) {
}
