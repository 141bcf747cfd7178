package org.factorlab.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code factorlab lab cpus}: not written yet. */
@Command(name = "cpus", mixinStandardHelpOptions = true, description = "Not written yet.")
final class LabCpusCommand implements Callable<Integer> {
    LabCpusCommand(Streams streams) {
    }

    @Override
    public Integer call() {
        return ExitStatus.USAGE;
    }
}
