package org.factorlab.vertx.lab;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measured way of running a batch of tasks: how many tasks, on how many threads, and how long the
 * whole batch took (wall clock).
 *
 * @param approach  what ran them ({@code sequential}, {@code platform pool}, {@code virtual threads}, …)
 * @param threads   threads that ran the tasks (for virtual threads: how many were started)
 * @param tasks     how many tasks
 * @param wallNanos wall time for the batch
 */
record TaskRun(String approach, int threads, int tasks, long wallNanos) {
    TaskRun {
        if (tasks < 1 || wallNanos < 1) {
            throw new IllegalArgumentException("a run needs tasks and time: " + tasks + ", " + wallNanos);
        }
    }

    /** Wall time divided by tasks, in milliseconds: the cost of one task when they share the batch. */
    double perTaskMillis() {
        return wallNanos / 1e6 / tasks;
    }

    double tasksPerSecond() {
        return tasks / (wallNanos / 1e9);
    }

    double wallMillis() {
        return wallNanos / 1e6;
    }

    /** A label for sentences: "200 tasks on 16 platform threads". */
    String label() {
        return String.format(Locale.ROOT, "%,d tasks %s", tasks, approach);
    }

    Map<String, Object> data() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("approach", approach);
        d.put("threads", threads);
        d.put("tasks", tasks);
        d.put("wall_ms", round(wallMillis(), 3));
        d.put("per_task_ms", round(perTaskMillis(), 6));
        d.put("tasks_per_s", round(tasksPerSecond(), 1));
        return d;
    }

    static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Math.round(v * scale) / scale;
    }

    /**
     * "A finished 2.1x faster per task than B", "… slower …", or "about the same" within 10%: the
     * verdict follows the two numbers.
     */
    static String compare(String a, double aPerTask, String b, double bPerTask) {
        double ratio = bPerTask / aPerTask;
        if (ratio >= 1.1) {
            return a + " finished " + times(ratio) + " faster per task than " + b;
        }
        if (ratio <= 1 / 1.1) {
            return a + " finished " + times(1 / ratio) + " slower per task than " + b;
        }
        return a + " and " + b + " took about the same time per task (within 10%)";
    }

    static String times(double ratio) {
        return ratio >= 10 ? String.format(Locale.ROOT, "%,.0fx", ratio) : String.format(Locale.ROOT, "%.1fx", ratio);
    }

    static String millis(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", ms);
        }
        if (ms >= 1) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
