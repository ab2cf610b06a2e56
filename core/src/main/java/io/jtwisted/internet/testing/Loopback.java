package io.jtwisted.internet.testing;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.python.failure.Failure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A server protocol and a client protocol connected over a real TCP connection on 127.0.0.1, as
 * Twisted's {@code twisted.protocols.loopback.loopbackTCP}, for integration tests that need a
 * socket but not the plumbing around it: the helper listens on a free port, connects, and tells
 * the test when both ends are connected and when both have seen the connection end.
 *
 * <pre>{@code
 * Loopback.Connection<Echo, Greeter> c = await(Loopback.connectTCP(reactor, new Echo(), new Greeter()));
 * ... exercise c.client() and c.server() ...
 * await(c.disconnect()); // both connectionLost calls have run and the port has stopped listening
 * }</pre>
 *
 * <p>The server protocol is handed to the transport behind a small wrapper (so that the helper
 * hears its {@code connectionLost}); a server protocol that relies on the transport seeing it as an
 * {@code IHalfCloseableProtocol} should be tested another way. Use on the reactor thread (or before
 * the reactor runs).
 */
public final class Loopback {
    private Loopback() {}

    /**
     * The two ends of a loopback connection made by {@link #connectTCP}.
     *
     * @param <S> the server protocol's type
     * @param <C> the client protocol's type
     */
    public static final class Connection<S extends IProtocol, C extends IProtocol> {
        private final S server;
        private final C client;
        private final ITransport clientTransport;
        private final Deferred<@Nullable Void> closed;

        private Connection(S server, C client, ITransport clientTransport, Deferred<@Nullable Void> closed) {
            this.server = server;
            this.client = client;
            this.clientTransport = clientTransport;
            this.closed = closed;
        }

        /** The accepting side's protocol. */
        public S server() {
            return server;
        }

        /** The connecting side's protocol. */
        public C client() {
            return client;
        }

        /**
         * Fires with {@code null} once both protocols' {@code connectionLost} have run and the
         * listening port has stopped, whichever side closed the connection.
         */
        public Deferred<@Nullable Void> closed() {
            return closed;
        }

        /** Closes the client's side ({@code loseConnection}) and returns {@link #closed()}. */
        public Deferred<@Nullable Void> disconnect() {
            clientTransport.loseConnection();
            return closed;
        }
    }

    /**
     * Listens on a free port of 127.0.0.1 for {@code server} alone, connects {@code client} to it,
     * and fires once both ends are connected (their {@code connectionMade} has run). Fails with the
     * connection error if the client cannot connect (the port is then closed).
     */
    public static <S extends IProtocol, C extends IProtocol> Deferred<Connection<S, C>> connectTCP(
            IReactorTCP reactor, S server, C client) {
        ObservedProtocol serverSide = new ObservedProtocol(server);
        ObservedProtocol clientSide = new ObservedProtocol(client);
        Factory serverFactory = new Factory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return serverSide;
            }
        };
        IListeningPort port = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
        Deferred<@Nullable Void> connectFailed = new Deferred<>();
        ClientFactory clientFactory = new ClientFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return clientSide;
            }

            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                connectFailed.errback(reason);
            }
        };
        reactor.connectTCP("127.0.0.1", ((IPv4Address) port.getHost()).port(), clientFactory);
        Deferred<@Nullable Void> closed = Deferred.gatherResults(List.of(clientSide.lost, serverSide.lost))
                .addCallbackDeferring(bothLost -> port.stopListening());
        Deferred<Connection<S, C>> connected = Deferred.gatherResults(List.of(clientSide.made, serverSide.made))
                .addCallback(bothMade -> new Connection<>(server, client, clientSide.transport, closed));
        connectFailed.addErrbackDeferring(failure -> port.stopListening().<@Nullable Void>addCallback(stopped -> {
            connected.errback(failure);
            return null;
        }));
        return connected;
    }

    /**
     * Runs a whole session between {@code server} and {@code client} over loopback TCP, as
     * Twisted's {@code loopbackTCP}: fires once the protocols have closed the connection, both
     * {@code connectionLost} calls have run and the port has stopped listening.
     */
    public static Deferred<@Nullable Void> loopbackTCP(IReactorTCP reactor, IProtocol server, IProtocol client) {
        return connectTCP(reactor, server, client).addCallbackDeferring(Connection::closed);
    }

    /** Passes every event to the protocol under test, and records when it connected and disconnected. */
    private static final class ObservedProtocol implements IProtocol {
        private final IProtocol delegate;
        private final Deferred<@Nullable Void> made = new Deferred<>();
        private final Deferred<@Nullable Void> lost = new Deferred<>();

        @SuppressWarnings("NullAway.Init") // set by makeConnection, before made fires and anyone reads it
        private ITransport transport;

        ObservedProtocol(IProtocol delegate) {
            this.delegate = delegate;
        }

        @Override
        public void makeConnection(ITransport transport) {
            this.transport = transport;
            delegate.makeConnection(transport);
            made.callback(null);
        }

        @Override
        public void connectionMade() {
            delegate.connectionMade();
        }

        @Override
        public void dataReceived(byte[] data) {
            delegate.dataReceived(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            try {
                delegate.connectionLost(reason);
            } finally {
                lost.callback(null);
            }
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
