package io.jtwisted.internal.reactor;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.ReactorProvider;

/** Makes {@link NioReactor}s: the provider {@code Reactor} finds through {@link java.util.ServiceLoader}. */
public final class NioReactorProvider implements ReactorProvider {
    @Override
    public Reactor create(boolean global) {
        return new NioReactor(global);
    }
}
