package org.factorlab.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code factorlab lab race}: not written yet. */
@Command(name = "race", mixinStandardHelpOptions = true, description = "Not written yet.")
final class LabRaceCommand implements Callable<Integer> {
    LabRaceCommand(Streams streams) {
    }

    @Override
    public Integer call() {
        return ExitStatus.USAGE;
    }
}
