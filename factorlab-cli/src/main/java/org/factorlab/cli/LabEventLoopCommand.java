package org.factorlab.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code factorlab lab eventloop}: not written yet. */
@Command(name = "eventloop", mixinStandardHelpOptions = true, description = "Not written yet.")
final class LabEventLoopCommand implements Callable<Integer> {
    LabEventLoopCommand(Streams streams) {
    }

    @Override
    public Integer call() {
        return ExitStatus.USAGE;
    }
}
