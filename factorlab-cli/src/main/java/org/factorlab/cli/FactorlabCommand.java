package org.factorlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level command: lists the subcommands. */
@Command(name = "factorlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Factors integers on every core and shows, measured, what each concurrency model buys.",
            ""
        },
        subcommands = {FactorCommand.class, RunCommand.class, BenchCommand.class, GenCommand.class, LabCommand.class},
        footer = {
            "",
            "Examples:",
            "  factorlab factor 12 600851475143       like GNU factor: 12: 2 2 3",
            "  seq 1 1000000 | factorlab factor       streams stdin in constant memory",
            "  factorlab run                          the seed experiment: 10,000 numbers",
            "  factorlab run --algorithm auto --seed 7 --format gnu",
            "  factorlab run --model processes --workers 10   the seed's 10 processes",
            "  factorlab bench --export-html report.html      every model, with charts",
            "  factorlab gen --count 100000 --bits 64 > in.txt",
            "",
            "Run 'factorlab COMMAND --help' for a command's options.",
            "Exit status: 0 ok, 1 invalid input or failed numbers, 2 bad usage,",
            "130 interrupted."
        })
final class FactorlabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE;
    }
}
