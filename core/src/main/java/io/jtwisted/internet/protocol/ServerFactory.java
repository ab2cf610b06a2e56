package io.jtwisted.internet.protocol;

import java.util.function.Supplier;

/** A factory for server-side connections, as Twisted's {@code ServerFactory}: a plain {@link Factory}. */
public class ServerFactory extends Factory {
    public ServerFactory() {}

    public ServerFactory(Supplier<? extends Protocol> protocol) {
        super(protocol);
    }
}
