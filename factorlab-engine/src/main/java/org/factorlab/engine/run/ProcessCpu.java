package org.factorlab.engine.run;

import java.lang.management.ManagementFactory;

/** The CPU time this JVM has used so far, all threads together. */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Nanoseconds of CPU time used by this process, or -1 when the platform cannot tell. */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
