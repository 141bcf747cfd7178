package org.factorlab.cli;

import org.factorlab.core.factor.ProgressListener;
import org.factorlab.engine.run.Progress;

import java.io.PrintStream;

/**
 * Shows what a long factoring kernel is doing — ECM curves at which bound, SIQS relations found of
 * those needed and the time left — once a number has taken more than a second. Either as its own
 * line on a terminal's standard error (erased before the number's result is printed) or, when a
 * batch progress line is already drawn, as a note on that line.
 */
final class KernelProgressLine implements ProgressListener {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long PERIOD_NANOS = 250_000_000L;

    private final PrintStream err;
    private final Progress batch;
    private long firstNanos = -1;
    private long lastPaint;
    private boolean shown;

    /** Its own line on {@code err}. */
    static KernelProgressLine ownLine(PrintStream err) {
        return new KernelProgressLine(err, null);
    }

    /** A note on the batch progress line. */
    static KernelProgressLine onBatchLine(Progress batch) {
        return new KernelProgressLine(null, batch);
    }

    private KernelProgressLine(PrintStream err, Progress batch) {
        this.err = err;
        this.batch = batch;
    }

    @Override
    public synchronized void progress(String method, String detail, double fraction) {
        long now = System.nanoTime();
        if (firstNanos < 0) {
            firstNanos = now;
        }
        if (now - firstNanos < DELAY_NANOS || (shown && now - lastPaint < PERIOD_NANOS)) {
            return;
        }
        String text = text(method, detail, fraction);
        if (batch != null) {
            batch.detail(text);
        } else {
            err.print("\r" + text + "\u001b[K");
            err.flush();
        }
        shown = true;
        lastPaint = now;
    }

    @Override
    public synchronized void finished() {
        if (shown) {
            if (batch != null) {
                batch.detail(null);
            } else {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
        shown = false;
        firstNanos = -1;
    }

    /** The text shown: {@code "siqs: relations 1200 of 3050, 4 s left (39%)"}. */
    static String text(String method, String detail, double fraction) {
        String percent = Double.isNaN(fraction) ? "" : String.format(java.util.Locale.ROOT, " (%.0f%%)",
                100 * Math.max(0, Math.min(1, fraction)));
        return method + ": " + detail + percent;
    }
}
