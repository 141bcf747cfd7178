package org.factorlab.cli;

import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of the {@code factorlab} executable.
 *
 * <p>{@link #execute} runs one command line against given streams and returns its exit status, so
 * tests run the CLI in-process exactly as the launcher runs it.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Standard output goes through our own buffer straight to the file descriptor: System.out
        // (a PrintStream) would hide a closed pipe for many seconds.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        int status = execute(args, System.in, stdout, System.err);
        System.exit(status);
    }

    /**
     * Runs one command line.
     *
     * @return the exit status: 0 success, 1 bad input or failed numbers, 2 bad usage, 130 cancelled
     */
    public static int execute(String[] args, InputStream in, OutputStream out, PrintStream err) {
        return execute(args, in, out, err, true);
    }

    /** Runs one command line; {@code quick} lets plain {@code factor} lines skip picocli (tests turn it off). */
    static int execute(String[] args, InputStream in, OutputStream out, PrintStream err, boolean quick) {
        Streams streams = new Streams(in, out, err);
        FactorCommand plain = quick ? QuickFactor.parse(args, streams) : null;
        if (plain != null) {
            try {
                return plain.run(null);
            } catch (RuntimeException e) {
                return internalError(e, err);
            }
        }
        CommandLine cli = new CommandLine(new FactorlabCommand(), new StreamsFactory(streams));
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> internalError(e, err));
        cli.getSubcommands().get("factor").setUnmatchedOptionsArePositionalParams(true);
        return cli.execute(args);
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println("factorlab: " + firstLine(e.getMessage()) + " (see '" + name + " --help')");
        return ExitStatus.USAGE;
    }

    private static int internalError(Exception e, PrintStream err) {
        err.println("factorlab: internal error: " + e);
        e.printStackTrace(err);
        return ExitStatus.FAILURE;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
