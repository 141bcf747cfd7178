package org.factorlab.cli;

import picocli.CommandLine;

/** Creates command objects, handing the {@link Streams} to those that take them. */
final class StreamsFactory implements CommandLine.IFactory {
    private final Streams streams;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    StreamsFactory(Streams streams) {
        this.streams = streams;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return cls.getDeclaredConstructor(Streams.class).newInstance(streams);
        } catch (NoSuchMethodException e) {
            return fallback.create(cls);
        }
    }
}
