package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.internet.ssl.IClientConnectionCreator;
import io.jtwisted.protocols.tls.TLSMemoryBIOFactory;
import io.jtwisted.protocols.tls.TLSMemoryBIOProtocol;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs TLS over the connections of another client endpoint, as Twisted's {@code wrapClientTLS}
 * (see {@link Endpoints#wrapClientTLS}). The Deferred of {@link #connect} fires with the protocol
 * once the TLS handshake has completed, or fails with the TLS error (untrusted certificate, wrong
 * host name, ...) if it did not; in that case the protocol has heard {@code connectionMade} and
 * {@code connectionLost} with the same reason.
 */
public final class TLSWrapperClientEndpoint implements IStreamClientEndpoint {
    private final IClientConnectionCreator connectionCreator;
    private final IStreamClientEndpoint wrappedEndpoint;
    private final @Nullable IReactorThreads taskRunner;

    /**
     * @param taskRunner runs the engine's delegated tasks off the reactor thread; {@code null}: inline
     */
    public TLSWrapperClientEndpoint(
            IClientConnectionCreator connectionCreator,
            IStreamClientEndpoint wrappedEndpoint,
            @Nullable IReactorThreads taskRunner) {
        this.connectionCreator = connectionCreator;
        this.wrappedEndpoint = wrappedEndpoint;
        this.taskRunner = taskRunner;
    }

    @Override
    public Deferred<IProtocol> connect(IProtocolFactory factory) {
        TLSMemoryBIOFactory tls = new TLSMemoryBIOFactory(connectionCreator, true, factory, taskRunner);
        return wrappedEndpoint.connect(tls).addCallbackDeferring(connected -> {
            TLSMemoryBIOProtocol wrapper = (TLSMemoryBIOProtocol) connected;
            IProtocol inner = wrapper.wrappedProtocol();
            // The wrapped protocol is there while connected, which a completed handshake implies.
            return wrapper.whenHandshakeDone().addCallback(done -> Objects.requireNonNull(inner, "connection lost"));
        });
    }

    /** The endpoint whose connections carry TLS. */
    public IStreamClientEndpoint wrappedEndpoint() {
        return wrappedEndpoint;
    }

    /** The TLS settings of each connection. */
    public IClientConnectionCreator connectionCreator() {
        return connectionCreator;
    }

    @Override
    public String toString() {
        return "TLSWrapperClientEndpoint(" + connectionCreator + ", " + wrappedEndpoint + ")";
    }
}
