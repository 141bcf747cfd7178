package org.factorlab.cli;

import org.factorlab.vertx.lab.EventLoopExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code factorlab lab eventloop}: job-application events through one Vert.x event loop, then the
 * heartbeat lag of computing on the loop vs offloading.
 */
@Command(name = "eventloop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "The seed's event-loop example: an emitter raises 'job application submitted' events, handlers",
            "register each application and write a confirmation e-mail to a local outbox, chained by callbacks.",
            "Then a 10 ms heartbeat's lag while a handler computes on the loop vs offloaded.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  factorlab lab eventloop",
            "  factorlab lab eventloop --applications 1000 --outbox ./outbox     keep the e-mails",
            "  factorlab lab eventloop --events 3 --work 100 --json",
            "",
            "Exit status: 0 ok, 2 bad usage."
        })
final class LabEventLoopCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--applications", paramLabel = "N", defaultValue = "200",
            description = "Job applications to submit, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    int applications;

    @Option(names = "--outbox", paramLabel = "DIR",
            description = "Write the confirmation e-mails here and keep them (default: a temporary directory, deleted).")
    Path outbox;

    @Option(names = "--events", paramLabel = "N", defaultValue = "5",
            description = "Events with CPU work in the heartbeat part, 1 to 50 (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--work", paramLabel = "MS", defaultValue = "200",
            description = "CPU work per event, 1 to 2000 ms (default: ${DEFAULT-VALUE}).")
    long work;

    @CommandLine.Mixin
    LabCommand.Output output = new LabCommand.Output();

    LabEventLoopCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        EventLoopExperiment.Options options;
        try {
            options = new EventLoopExperiment.Options(applications, events, work, outbox);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return output.print(streams, EventLoopExperiment.run(options));
    }
}
