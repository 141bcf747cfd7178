package org.factorlab.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process, as the launcher would, and captures what it wrote. */
final class Cli {
    record Result(int status, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static Result run(InputStream stdin, String... args) {
        return run(stdin, true, args);
    }

    /** Runs with or without the quick path for plain {@code factor} command lines. */
    static Result run(InputStream stdin, boolean quick, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.execute(args, stdin, out, errStream, quick);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result args(String... args) {
        return run("", args);
    }
}
