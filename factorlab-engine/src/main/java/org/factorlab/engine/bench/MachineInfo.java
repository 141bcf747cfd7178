package org.factorlab.engine.bench;

import java.util.List;

/**
 * Where a benchmark ran, for the report.
 *
 * @param cpuModel    the processor's model name ({@code /proc/cpuinfo}), or "unknown"
 * @param cores       available processors seen by the JVM
 * @param memoryBytes total physical memory, or -1
 * @param jdk         the Java runtime ({@code Runtime.version()} and VM name)
 * @param jvmFlags    the JVM's input arguments
 * @param os          operating system name, version and architecture
 * @param gitCommit   the project's git commit, or "unknown"
 */
public record MachineInfo(String cpuModel, int cores, long memoryBytes, String jdk, List<String> jvmFlags, String os,
                          String gitCommit) {
    public MachineInfo {
        jvmFlags = List.copyOf(jvmFlags);
    }
}
