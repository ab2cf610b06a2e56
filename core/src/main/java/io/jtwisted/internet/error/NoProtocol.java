package io.jtwisted.internet.error;

/**
 * The factory given to a client endpoint returned {@code null} from {@code buildProtocol}: the
 * endpoint's Deferred fails with this, as Twisted's {@code error.NoProtocol}.
 */
public class NoProtocol extends RuntimeException {
    public NoProtocol() {
        super("the factory returned no protocol from buildProtocol");
    }

    public NoProtocol(String message) {
        super(message);
    }
}
