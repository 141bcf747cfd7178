package org.factorlab.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code factorlab lab gil}: not written yet. */
@Command(name = "gil", mixinStandardHelpOptions = true, description = "Not written yet.")
final class LabGilCommand implements Callable<Integer> {
    LabGilCommand(Streams streams) {
    }

    @Override
    public Integer call() {
        return ExitStatus.USAGE;
    }
}
