package org.factorlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * Turns the ways a command's output can end early into exit statuses: a closed pipe ends the program
 * quietly (like a C tool killed by SIGPIPE), another write error gets one line, an interrupt exits 130.
 */
final class OutputErrors {
    interface Body {
        int run() throws IOException, InterruptedException;
    }

    private OutputErrors() {
    }

    static int guard(PrintStream err, Body body) {
        try {
            return body.run();
        } catch (UncheckedIOException e) {
            return writeFailed(err, e.getCause());
        } catch (IOException e) {
            return writeFailed(err, e);
        } catch (CancellationException | InterruptedException e) {
            err.println("factorlab: interrupted");
            return ExitStatus.CANCELLED;
        }
    }

    private static int writeFailed(PrintStream err, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Broken pipe") || message.contains("Stream closed")) {
            return ExitStatus.BROKEN_PIPE;
        }
        err.println("factorlab: I/O error: " + message);
        return ExitStatus.FAILURE;
    }
}
