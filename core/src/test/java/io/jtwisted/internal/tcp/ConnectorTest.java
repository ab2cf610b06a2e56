package io.jtwisted.internal.tcp;

import static io.jtwisted.internal.tcp.TcpTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internal.tcp.TcpTestSupport.RecordingClientFactory;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.error.ConnectBindError;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.error.NotConnectingError;
import io.jtwisted.internet.error.TimeoutError;
import io.jtwisted.internet.error.UserError;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client side of connectTCP: the IConnector and the reasons an attempt fails.
 *
 * <p>Ports of twisted/test/test_tcp.py: LoopbackTests.testFailing (refused, in TcpTransportTest),
 * FactoryTests.test_clientStartStop, CannotBindTests.test_clientBind, and the connector cases of
 * twisted/internet/test/test_tcp.py: TCPClientTestsBase (connect by host name, bind address
 * failure, stopConnecting gives UserError, connect timeout gives TimeoutError, reconnecting
 * with connector.connect(), getDestination). Not ported: tests on Python's socket errno values.
 */
class ConnectorTest {
    private final NioReactor reactor = TcpTestSupport.reactor();
    private final List<IListeningPort> ports = new ArrayList<>();

    @AfterEach
    void closePorts() {
        for (IListeningPort p : ports) {
            Loop.result(reactor, p.stopListening());
        }
    }

    private int listen() {
        IListeningPort p = reactor.listenTCP(0, new KeepingFactory<>(Recorder::new), 50, "127.0.0.1");
        ports.add(p);
        return port(p);
    }

    @Test
    void aHostNameIsResolvedAndConnected() {
        int port = listen();
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        IConnector connector = reactor.connectTCP("localhost", port, client);
        assertThat(connector.getDestination()).isEqualTo(new IPv4Address("TCP", "localhost", port));
        Loop.until(reactor, () -> !client.built.isEmpty());
        assertThat(((IPv4Address) client.built.get(0).transport().getPeer()).host())
                .isEqualTo("127.0.0.1");
        connector.disconnect();
        Loop.reason(reactor, client.lostConnection);
    }

    @Test
    void anUnknownHostNameFailsWithDNSLookupError() {
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("nonexistent.invalid", 80, client);
        Failure failure = Loop.reason(reactor, client.failed);
        assertThat(failure.check(DNSLookupError.class)).isNotNull();
        assertThat(failure.getErrorMessage()).startsWith("DNS lookup failed");
    }

    @Test
    void startedConnectingComesFirstAndConnectTCPReturnsBeforeAnyIO() {
        int port = listen();
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        IConnector connector = reactor.connectTCP("127.0.0.1", port, client);
        assertThat(client.events).containsExactly("startedConnecting");
        Loop.until(reactor, () -> !client.built.isEmpty());
        connector.disconnect();
        Loop.reason(reactor, client.lostConnection);
        assertThat(client.events).containsExactly("startedConnecting", "buildProtocol", "clientConnectionLost");
        assertThat(client.starts).isEqualTo(1);
        assertThat(client.stops).isEqualTo(1);
    }

    @Test
    void stopConnectingFailsTheAttemptWithUserError() {
        int port = listen();
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        IConnector connector = reactor.connectTCP("127.0.0.1", port, client);
        connector.stopConnecting();
        Failure failure = Loop.reason(reactor, client.failed);
        assertThat(failure.check(UserError.class)).isNotNull();
        assertThat(failure.getErrorMessage()).isEqualTo("User aborted connection.");
        assertThatThrownBy(connector::stopConnecting).isInstanceOf(NotConnectingError.class);
        for (int i = 0; i < 3; i++) {
            reactor.iterate(0.01);
        }
        assertThat(client.built).isEmpty();
    }

    @Test
    void anAttemptThatDoesNotCompleteInTimeFailsWithTimeoutError() throws IOException {
        // A listener that never accepts, with its backlog full: further SYNs go unanswered.
        try (ServerSocketChannel silent = ServerSocketChannel.open()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            int port = ((InetSocketAddress) silent.getLocalAddress()).getPort();
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    SocketChannel filler = SocketChannel.open();
                    filler.configureBlocking(false);
                    filler.connect(new InetSocketAddress("127.0.0.1", port));
                    fillers.add(filler);
                }
                RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
                double start = reactor.seconds();
                reactor.connectTCP("127.0.0.1", port, client, 0.3);
                Failure failure = Loop.reason(reactor, client.failed);
                assertThat(failure.check(TimeoutError.class)).isNotNull();
                assertThat(failure.getErrorMessage()).isEqualTo("User timeout caused connection failure.");
                assertThat(reactor.seconds() - start).isGreaterThanOrEqualTo(0.29);
            } finally {
                for (SocketChannel f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void aBindAddressInUseFailsWithConnectBindError() {
        int port = listen();
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port, client, 30, new InetSocketAddress("127.0.0.1", port));
        Failure failure = Loop.reason(reactor, client.failed);
        assertThat(failure.check(ConnectBindError.class)).isNotNull();
    }

    @Test
    void connectorConnectFromClientConnectionLostReconnects() {
        int port = listen();
        int[] connections = new int[1];
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new) {
            @Override
            public void clientConnectionLost(IConnector connector, Failure reason) {
                super.clientConnectionLost(connector, reason);
                if (++connections[0] < 3) {
                    connector.connect();
                }
            }
        };
        reactor.connectTCP("127.0.0.1", port, client);
        for (int round = 1; round <= 3; round++) {
            int expected = round;
            Loop.until(
                    reactor,
                    () -> client.built.size() == expected
                            && client.built.get(expected - 1).connected());
            client.built.get(round - 1).transport().loseConnection();
            Loop.until(reactor, () -> connections[0] == expected);
        }
        assertThat(client.built).hasSize(3);
        assertThat(client.starts).isEqualTo(1);
        assertThat(client.stops).isEqualTo(1);
    }

    @Test
    void connectingTwiceAtOnceIsRefused() {
        int port = listen();
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        IConnector connector = reactor.connectTCP("127.0.0.1", port, client);
        assertThatThrownBy(connector::connect).isInstanceOf(IllegalStateException.class);
        connector.stopConnecting();
        Loop.reason(reactor, client.failed);
    }

    @Test
    void reactorShutdownClosesConnectionsAndStopsPorts() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        IListeningPort p = reactor.listenTCP(0, server, 50, "127.0.0.1");
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(p), client);
        Loop.until(reactor, () -> !server.built.isEmpty() && !client.built.isEmpty());
        reactor.fireSystemEvent("shutdown");
        assertThat(server.stops).isEqualTo(1);
        assertThat(server.built.get(0).reason).isNotNull();
        assertThat(client.built.get(0).reason).isNotNull();
    }
}
