package io.jtwisted.internal.tcp;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.protocol.ClientFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The TCP side of one {@link NioReactor}: {@code listenTCP} and {@code connectTCP}, and the
 * bookkeeping that lets reactor shutdown stop every port (so {@code stopFactory} runs) and close
 * every connection (so every protocol hears {@code connectionLost}), as Twisted's reactor does.
 */
public final class TcpSupport {
    private final NioReactor reactor;
    private final Set<Port> ports = new LinkedHashSet<>();
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final Set<Connector.Attempt> attempts = new LinkedHashSet<>();

    public TcpSupport(NioReactor reactor) {
        this.reactor = reactor;
        reactor.addSystemEventTrigger("during", "shutdown", () -> {
            shutdown();
            return null;
        });
    }

    /** {@code IReactorTCP.listenTCP}. */
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface) {
        Port listening = new Port(reactor, this, port, factory, backlog, iface);
        listening.startListening();
        return listening;
    }

    /** {@code IReactorTCP.connectTCP}. */
    public IConnector connectTCP(String host, int port, ClientFactory factory, double timeout, InetSocketAddress bindAddress) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        Connector connector = new Connector(reactor, this, host, port, factory, timeout, bindAddress);
        connector.connect();
        return connector;
    }

    void portOpened(Port port) {
        ports.add(port);
    }

    void portClosed(Port port) {
        ports.remove(port);
    }

    void connectionOpened(Connection connection) {
        connections.add(connection);
    }

    void connectionClosed(Connection connection) {
        connections.remove(connection);
    }

    void attemptStarted(Connector.Attempt attempt) {
        attempts.add(attempt);
    }

    void attemptEnded(Connector.Attempt attempt) {
        attempts.remove(attempt);
    }

    /** Open listening ports and connections, for tests and diagnostics. */
    public int openCount() {
        return ports.size() + connections.size() + attempts.size();
    }

    private void shutdown() {
        for (Port port : new ArrayList<>(ports)) {
            port.closeNow();
        }
        for (Connector.Attempt attempt : new ArrayList<>(attempts)) {
            attempt.failIfNotConnected(new io.jtwisted.internet.error.UserError("the reactor is shutting down"));
        }
        for (Connection connection : new ArrayList<>(connections)) {
            connection.closeWith(new Failure(new ConnectionLost()));
        }
    }
}
