package org.factorlab.engine.model;

import java.time.Duration;

/**
 * The settings a model may read when it is created. Each model uses those that concern it and
 * ignores the rest.
 *
 * @param workers        how many workers (threads, processes, …); at least 1
 * @param taskTimeout    how long one chunk may run in a worker before it is stopped and reported
 *                       ({@code processes}); {@code null} for no limit
 * @param switchInterval how long a thread may hold the GIL while another waits ({@code gil})
 * @param onLoop         run the factoring on the event loop itself ({@code eventloop}, the classic mistake)
 */
public record ModelOptions(int workers, Duration taskTimeout, Duration switchInterval, boolean onLoop) {
    /** CPython's default switch interval, {@code sys.getswitchinterval()}. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    public ModelOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (switchInterval == null) {
            switchInterval = DEFAULT_SWITCH_INTERVAL;
        }
    }

    /** Options with {@code workers} workers and every other setting at its default. */
    public static ModelOptions workers(int workers) {
        return new ModelOptions(workers, null, DEFAULT_SWITCH_INTERVAL, false);
    }
}
