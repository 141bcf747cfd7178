package org.factorlab.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code factorlab lab io}: not written yet. */
@Command(name = "io", mixinStandardHelpOptions = true, description = "Not written yet.")
final class LabIoCommand implements Callable<Integer> {
    LabIoCommand(Streams streams) {
    }

    @Override
    public Integer call() {
        return ExitStatus.USAGE;
    }
}
