package io.jtwisted.protocols.tls;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.protocols.policies.WrappingFactory;

/**
 * Gives every protocol of {@code wrappedFactory} a transport that can switch to TLS
 * ({@link io.jtwisted.internet.interfaces.ITLSTransport#startTLS}) over any stream transport:
 * wrap the factory of the accepting side ({@link #server}) or the connecting side ({@link #client})
 * and call {@code ((ITLSTransport) transport).startTLS(options)} when the protocol says so
 * (STARTTLS). The transports of {@code listenTCP}, {@code connectTCP}, {@code listenUNIX} and
 * {@code connectUNIX} are {@code ITLSTransport} already and need no wrapping; this is for other
 * transports (a transport wrapper, an in-memory transport).
 */
public class StartTLSFactory extends WrappingFactory {
    private final boolean isClient;
    private final IReactorThreads reactor;

    /**
     * @param isClient whether connections act as the TLS client once TLS starts
     * @param reactor runs the engine's delegated tasks off its thread; {@code null}: inline
     */
    public StartTLSFactory(IProtocolFactory wrappedFactory, boolean isClient, IReactorThreads reactor) {
        super(wrappedFactory);
        this.isClient = isClient;
        this.reactor = reactor;
    }

    /** For the accepting side: {@code startTLS} makes it the TLS server. */
    public static StartTLSFactory server(IProtocolFactory wrappedFactory, IReactorThreads reactor) {
        return new StartTLSFactory(wrappedFactory, false, reactor);
    }

    /** For the connecting side: {@code startTLS} makes it the TLS client. */
    public static StartTLSFactory client(IProtocolFactory wrappedFactory, IReactorThreads reactor) {
        return new StartTLSFactory(wrappedFactory, true, reactor);
    }

    boolean isClient() {
        return isClient;
    }

    IReactorThreads reactor() {
        return reactor;
    }

    @Override
    protected IProtocol wrapProtocol(IProtocol wrapped) {
        return new StartTLSProtocol(this, wrapped);
    }
}
