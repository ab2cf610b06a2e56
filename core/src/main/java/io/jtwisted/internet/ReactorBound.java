package io.jtwisted.internet;

/**
 * Something that lives on one reactor, as a connection's transport does: every callback of it runs on
 * that reactor's thread. Transports implement it so that {@link Reactor#of} finds a connection's reactor;
 * wrapping transports (TLS, policies) answer with the reactor of the transport they wrap.
 */
public interface ReactorBound {
    /** The reactor this lives on. */
    Reactor reactor();
}
