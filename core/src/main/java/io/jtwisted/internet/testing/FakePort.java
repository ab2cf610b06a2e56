package io.jtwisted.internet.testing;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import org.jspecify.annotations.Nullable;

/**
 * The listening port {@link MemoryReactor#listenTCP} returns: it listens on nothing, and only
 * records whether it was asked to stop, as Twisted's {@code _FakePort}.
 */
public final class FakePort implements IListeningPort {
    private final IAddress hostAddress;
    private boolean stopped;

    /** A port pretending to listen on {@code hostAddress}. */
    public FakePort(IAddress hostAddress) {
        this.hostAddress = hostAddress;
    }

    /** Does nothing. */
    @Override
    public void startListening() {}

    /** Records the stop; returns a Deferred that has fired. */
    @Override
    public Deferred<@Nullable Void> stopListening() {
        stopped = true;
        return Deferred.succeed(null);
    }

    /** True once {@link #stopListening()} was called. */
    public boolean stopped() {
        return stopped;
    }

    @Override
    public IAddress getHost() {
        return hostAddress;
    }

    @Override
    public String toString() {
        return "<FakePort on " + hostAddress + ">";
    }
}
