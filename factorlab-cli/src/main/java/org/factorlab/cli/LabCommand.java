package org.factorlab.cli;

import org.factorlab.engine.lab.LabJson;
import org.factorlab.engine.lab.LabResult;
import org.factorlab.engine.lab.LabText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code factorlab lab EXPERIMENT}: the seed's concepts as experiments with measured evidence. Each
 * experiment is a subcommand; this command only lists them.
 */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {LabCpusCommand.class, LabRaceCommand.class, LabGilCommand.class, LabIoCommand.class,
            LabEventLoopCommand.class, LabProcessesCommand.class},
        description = {
            "The seed's claims about threads, processes, the GIL and event loops, checked on this machine:",
            "each experiment prints what it does, a table of measurements and a conclusion computed",
            "from them. --json gives the same data for machines. Every experiment is bounded in time",
            "and cleans up everything it starts.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab lab cpus           processors, cgroup CPU quota and memory limit",
            "  factorlab lab race           lost updates on a shared counter, and the cures",
            "  factorlab lab gil --json",
            "",
            "Run 'factorlab lab EXPERIMENT --help' for an experiment's options."
        })
final class LabCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE;
    }

    /**
     * Checks that an experiment's option lies in [1, max], the bound that keeps every experiment short;
     * otherwise a usage error naming the option.
     */
    static void requireRange(CommandLine.Model.CommandSpec spec, String option, long value, long max) {
        if (value < 1 || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format("%s must be from 1 to %,d: %d", option, max, value));
        }
    }

    /** The output options every experiment shares, and how its result is printed. */
    static final class Output {
        @Option(names = "--json", description = "Print the result as one JSON object (tables, conclusions and raw data).")
        boolean json;

        /** Prints the result on standard output as text or JSON; returns the exit status. */
        int print(Streams streams, LabResult result) throws IOException {
            String text = json ? LabJson.write(result) : LabText.render(result);
            streams.out().write(text.getBytes(StandardCharsets.UTF_8));
            streams.out().flush();
            return ExitStatus.OK;
        }
    }
}
