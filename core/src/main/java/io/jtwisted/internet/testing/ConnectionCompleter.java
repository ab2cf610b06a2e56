package io.jtwisted.internet.testing;

import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.testing.MemoryReactor.TcpClient;
import io.jtwisted.internet.testing.MemoryReactor.TcpServer;
import io.jtwisted.python.failure.Failure;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Completes, in memory, the connections a {@link MemoryReactor} was asked for: connects a
 * recorded {@code connectTCP} to a recorded {@code listenTCP} on the same port, or fails it, as
 * Twisted's {@code twisted.test.iosim.ConnectionCompleter}.
 */
public final class ConnectionCompleter {
    private final MemoryReactor reactor;

    /** A completer for the connections recorded by {@code reactor}. */
    public ConnectionCompleter(MemoryReactor reactor) {
        this.reactor = reactor;
    }

    /**
     * Connects the first recorded client whose port matches a recorded server: builds a protocol
     * from each factory, connects them with {@link FakeTransport}s and flushes the greeting.
     *
     * @return the pump between them, or {@code null} when no client matches a server
     */
    public @Nullable IOPump succeedOnce() {
        for (int i = 0; i < reactor.tcpClients().size(); i++) {
            TcpClient client = reactor.tcpClients().get(i);
            for (TcpServer server : reactor.tcpServers()) {
                if (server.port() != client.port()) {
                    continue;
                }
                reactor.tcpClients().remove(i);
                FakeConnector connector = reactor.connectors().remove(i);
                IProtocol clientProtocol = Objects.requireNonNull(
                        client.factory().buildProtocol(connector.getDestination()),
                        "the client factory built no protocol");
                IProtocol serverProtocol = Objects.requireNonNull(
                        server.factory().buildProtocol(new FakeAddress()), "the server factory built no protocol");
                return IOSim.connect(
                        serverProtocol,
                        IOSim.makeFakeServer(serverProtocol),
                        clientProtocol,
                        IOSim.makeFakeClient(clientProtocol),
                        false,
                        true);
            }
        }
        return null;
    }

    /** Fails the first recorded connection attempt with a {@link ConnectionRefusedError}. */
    public void failOnce() {
        failOnce(new Failure(new ConnectionRefusedError()));
    }

    /**
     * Fails the first recorded connection attempt: its factory's {@code clientConnectionFailed}
     * is called with {@code reason}.
     *
     * @throws IllegalStateException if no connection attempt is pending
     */
    public void failOnce(Failure reason) {
        if (reactor.tcpClients().isEmpty()) {
            throw new IllegalStateException("no connection attempt to fail");
        }
        TcpClient client = reactor.tcpClients().remove(0);
        FakeConnector connector = reactor.connectors().remove(0);
        client.factory().clientConnectionFailed(connector, reason);
    }
}
