package org.factorlab.engine.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error — count, rate and, when the total is known, a bar and the time
 * left — redrawn a few times a second by a daemon thread. It appears only after the run has lasted a
 * second (short runs stay quiet) and is erased when the run ends. Use {@link #NONE} when standard
 * error is not a terminal.
 */
public class Progress {
    /** Shows nothing. */
    public static final Progress NONE = new Progress(null);

    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long PERIOD_MILLIS = 200;

    private final PrintStream err;
    private Thread painter;
    private volatile boolean running;
    private volatile String detail;

    /** A progress line on {@code err}. */
    public Progress(PrintStream err) {
        this.err = err;
    }

    /** Starts painting. {@code total} is -1 when unknown; {@code done} is read from the painter thread. */
    void start(long total, LongSupplier done) {
        if (err == null) {
            return;
        }
        running = true;
        long t0 = System.nanoTime();
        painter = Thread.ofPlatform().daemon().name("factorlab-progress").start(() -> {
            boolean shown = false;
            try {
                while (running) {
                    Thread.sleep(PERIOD_MILLIS);
                    long elapsed = System.nanoTime() - t0;
                    if (running && elapsed >= DELAY_NANOS) {
                        String d = detail;
                        err.print("\r" + line(total, done.getAsLong(), elapsed) + (d == null ? "" : "  | " + d) + "\u001b[K");
                        err.flush();
                        shown = true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
            }
        });
    }

    /**
     * A short note shown after the count, e.g. what a long factoring kernel is doing ({@code null}
     * for none); any thread may set it.
     */
    public void detail(String text) {
        detail = text;
    }

    /** Whether this progress line is drawn at all. */
    public boolean shown() {
        return err != null;
    }

    /** Stops painting and erases the line. */
    void stop() {
        if (painter == null) {
            return;
        }
        running = false;
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The text of the progress line. */
    static String line(long total, long done, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        if (total <= 0) {
            return String.format(Locale.ROOT, "%,d numbers  %,.0f/s  %.0fs", done, rate, seconds);
        }
        int width = 30;
        int filled = (int) Math.min(width, width * done / total);
        String eta = rate > 0 ? String.format(Locale.ROOT, "%.0fs left", (total - done) / rate) : "--";
        return String.format(Locale.ROOT, "[%s%s] %,d/%,d  %,.0f/s  %s", "#".repeat(filled),
                " ".repeat(width - filled), done, total, rate, eta);
    }
}
