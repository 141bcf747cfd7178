package org.factorlab.engine.model;

/**
 * Registers one execution model by name. Implementations are listed in
 * {@code META-INF/services/org.factorlab.engine.model.ModelProvider} and must be cheap to create: a
 * provider must not load its model's framework (Vert.x, Hazelcast) until {@link #create} is called.
 */
public interface ModelProvider {

    /** The name users type after {@code --model}. */
    String name();

    /** One line for {@code --help} and reports. */
    String description();

    /** Position in listings (the order of the README's table); lower comes first. */
    int order();

    /** Creates the model, ready to {@link ExecutionModel#execute execute}. */
    ExecutionModel create(ModelOptions options);
}
