package org.factorlab.cli;

/** The exit statuses of every factorlab command. */
public final class ExitStatus {
    /** Everything went well. */
    public static final int OK = 0;
    /** Some input was invalid or some numbers failed; the rest was processed. */
    public static final int FAILURE = 1;
    /** The command line itself was wrong (unknown option, bad option value). */
    public static final int USAGE = 2;
    /** Interrupted (Ctrl-C, SIGTERM): 128 + SIGINT, as a shell reports it. */
    public static final int CANCELLED = 130;
    /** The reader of standard output went away: 128 + SIGPIPE, as a shell reports it. */
    public static final int BROKEN_PIPE = 141;

    private ExitStatus() {
    }
}
