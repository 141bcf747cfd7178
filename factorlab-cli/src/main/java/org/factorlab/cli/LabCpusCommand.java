package org.factorlab.cli;

import org.factorlab.engine.lab.CpusExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code factorlab lab cpus}: how many processors and how much memory this JVM may really use,
 * from the JVM, the affinity mask, the container's cgroup limits and {@code -XX:ActiveProcessorCount}.
 */
@Command(name = "cpus",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show how many processors this JVM may use and how much memory: Runtime.availableProcessors(),",
            "the CPU affinity mask, the container's CPU quota and memory limit (cgroup v1 or v2),",
            "-XX:ActiveProcessorCount if set, the machine's memory and the JVM's maximum heap, then",
            "conclude how large a CPU-bound thread pool can usefully be. Reads files only; starts nothing.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab lab cpus",
            "  factorlab lab cpus --json",
            "  JAVA_OPTS=-XX:ActiveProcessorCount=1 factorlab lab cpus    see the override",
            "",
            "Exit status: 0 ok, 2 bad usage."
        })
final class LabCpusCommand implements Callable<Integer> {
    private final Streams streams;

    @CommandLine.Mixin
    LabCommand.Output output = new LabCommand.Output();

    LabCpusCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        return output.print(streams, CpusExperiment.run());
    }
}
