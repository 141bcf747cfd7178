package org.factorlab.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code factorlab lab processes}: not written yet. */
@Command(name = "processes", mixinStandardHelpOptions = true, description = "Not written yet.")
final class LabProcessesCommand implements Callable<Integer> {
    LabProcessesCommand(Streams streams) {
    }

    @Override
    public Integer call() {
        return ExitStatus.USAGE;
    }
}
