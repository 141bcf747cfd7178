package org.factorlab.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;

/**
 * Every execution model on the class path, found through {@link ServiceLoader}: the CLI, {@code bench}
 * and the service list the same models, and a new model is one class plus one line in
 * {@code META-INF/services}.
 */
public final class ModelRegistry {
    private ModelRegistry() {
    }

    /** All registered models, in their display order. */
    public static List<ModelProvider> providers() {
        List<ModelProvider> all = new ArrayList<>();
        ServiceLoader.load(ModelProvider.class, ModelRegistry.class.getClassLoader()).forEach(all::add);
        all.sort(Comparator.comparingInt(ModelProvider::order).thenComparing(ModelProvider::name));
        return all;
    }

    /** The registered names, in display order. */
    public static List<String> names() {
        return providers().stream().map(ModelProvider::name).toList();
    }

    /**
     * The provider of the model called {@code name}.
     *
     * @throws NoSuchElementException naming the known models, if there is none by that name
     */
    public static ModelProvider provider(String name) {
        for (ModelProvider p : providers()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new NoSuchElementException("'" + name + "' is not a model (" + String.join(", ", names()) + ")");
    }

    /** Creates the model called {@code name}. */
    public static ExecutionModel create(String name, ModelOptions options) {
        return provider(name).create(options);
    }
}
