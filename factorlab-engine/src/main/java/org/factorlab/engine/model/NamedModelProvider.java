package org.factorlab.engine.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ModelProvider} made of its four facts, so registering a model is one constructor call:
 *
 * <pre>{@code
 * public static final class Provider extends NamedModelProvider {
 *     public Provider() {
 *         super("threads", 10, "a fixed pool of N platform threads", o -> new ThreadPoolModel(o.workers()));
 *     }
 * }
 * }</pre>
 *
 * The factory runs only in {@link #create}, so a provider whose model needs a framework does not load
 * it when models are merely listed.
 */
public abstract class NamedModelProvider implements ModelProvider {
    private final String name;
    private final int order;
    private final String description;
    private final Function<ModelOptions, ExecutionModel> factory;

    protected NamedModelProvider(String name, int order, String description,
                                 Function<ModelOptions, ExecutionModel> factory) {
        this.name = Objects.requireNonNull(name);
        this.order = order;
        this.description = Objects.requireNonNull(description);
        this.factory = Objects.requireNonNull(factory);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final ExecutionModel create(ModelOptions options) {
        return factory.apply(options);
    }
}
