package io.jtwisted.internet;

import java.util.ServiceLoader;

/** The one place that finds the reactor implementation: the first {@link ReactorProvider} found. */
final class DefaultReactor {
    private static final ReactorProvider PROVIDER = ServiceLoader.load(
                    ReactorProvider.class, Reactor.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                    "no io.jtwisted.internet.ReactorProvider found: is jtwisted-core on the path?"));

    private DefaultReactor() {}

    static Reactor create(boolean global) {
        return PROVIDER.create(global);
    }
}
