package io.jtwisted.internet.protocol;

import io.jtwisted.python.failure.Failure;
import io.jtwisted.internet.interfaces.IProtocol;

/**
 * The base class of stream protocols, as Twisted's {@code twisted.internet.protocol.Protocol}:
 * override the events you care about. One instance serves one connection; state shared between
 * connections belongs in the {@link Factory}.
 */
public abstract class Protocol extends BaseProtocol implements IProtocol {
    /** The factory that built this protocol; set by {@link Factory#buildProtocol}. */
    protected Factory factory;

    /** Does nothing by default. */
    @Override
    public void dataReceived(byte[] data) {
    }

    /** Marks the protocol disconnected; override to clean up (call super first or last, as you like). */
    @Override
    public void connectionLost(Failure reason) {
        connected = false;
    }

    /** The factory that built this protocol, or {@code null}. */
    public Factory factory() {
        return factory;
    }

    /** Sets the factory; {@link Factory#buildProtocol} calls this. */
    public void setFactory(Factory factory) {
        this.factory = factory;
    }
}
