package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.python.failure.Failure;

/**
 * The base class of stream protocols, as Twisted's {@code twisted.internet.protocol.Protocol}:
 * override the events you care about. One instance serves one connection; state shared between
 * connections belongs in the {@link Factory}. A plain {@code Protocol} does nothing with what it
 * receives ({@code Factory.forProtocol(Protocol::new)} is a server that reads and ignores).
 */
public class Protocol extends BaseProtocol implements IProtocol {
    /**
     * The factory that built this protocol; set by {@link Factory#buildProtocol}, so null only in a
     * protocol built otherwise (Twisted's is None then too).
     */
    @SuppressWarnings("NullAway.Init") // set by Factory.buildProtocol, before the protocol is connected
    protected Factory factory;

    /** Does nothing by default. */
    @Override
    public void dataReceived(byte[] data) {}

    /** Marks the protocol disconnected; override to clean up (call super first or last, as you like). */
    @Override
    public void connectionLost(Failure reason) {
        connected = false;
    }

    /** The factory that built this protocol, or {@code null}. */
    public Factory factory() {
        return factory;
    }

    /**
     * The factory that built this protocol, as the type its author gave it: {@code
     * factory(QOTDFactory.class).quote} where Twisted writes {@code self.factory.quote}.
     *
     * @throws IllegalStateException if no factory built this protocol, or one of another type did
     */
    public <F extends Factory> F factory(Class<F> type) {
        if (factory == null) {
            throw new IllegalStateException(getClass().getName() + " has no factory (it was not built by one)");
        }
        if (!type.isInstance(factory)) {
            throw new IllegalStateException(getClass().getName() + " was built by a "
                    + factory.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(factory);
    }

    /** Sets the factory; {@link Factory#buildProtocol} calls this. */
    public void setFactory(Factory factory) {
        this.factory = factory;
    }
}
