package io.jtwisted.internet.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectingCancelledError;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.ClientCreator;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TCP endpoints, connectProtocol and ClientCreator over real sockets on 127.0.0.1.
 *
 * <p>Ports of twisted/internet/test/test_endpoints.py: TCP4EndpointsTests / TCP6EndpointsTests /
 * EndpointTestCaseMixin (test_endpointConnectSuccess, test_endpointConnectFailure,
 * test_endpointConnectingCancelled, test_endpointListenSuccess, test_endpointListenFailure),
 * WrappingFactoryTests (test_failedBuildProtocol, test_wrappedProtocolDataReceived, connectionLost
 * passing through), ConnectProtocolTests.test_connectProtocolCreatesFactory,
 * HostnameEndpointsOneIPv4Tests (success, failure, cancel). Not ported: the MemoryReactor-based
 * argument-passing tests (checked here through real connections instead), the
 * happy-eyeballs ordering tests with a fake clock (HostnameEndpoint is tested on real sockets),
 * SSL/UNIX/stdio/systemd endpoint tests.
 */
class TcpEndpointsTest {
    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();

    @AfterEach
    void closePorts() {
        for (IListeningPort p : ports) {
            Loop.result(reactor, p.stopListening());
        }
    }

    static class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    static class Collector extends Protocol {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        Failure lost;

        @Override
        public void dataReceived(byte[] data) {
            got.writeBytes(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            lost = reason;
        }

        String text() {
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private int listenEcho() {
        IListeningPort p = Loop.result(
                reactor, new TCP4ServerEndpoint(reactor, 0, 50, "127.0.0.1").listen(Factory.forProtocol(Echo::new)));
        ports.add(p);
        return ((IPv4Address) p.getHost()).port();
    }

    @Test
    void serverEndpointListenFiresWithThePort() {
        int port = listenEcho();
        assertThat(port).isPositive();
    }

    @Test
    void serverEndpointListenFailureFiresCannotListenError() {
        int port = listenEcho();
        Failure failure = Loop.failure(
                reactor, new TCP4ServerEndpoint(reactor, port, 50, "127.0.0.1").listen(Factory.forProtocol(Echo::new)));
        assertThat(failure.check(CannotListenError.class)).isNotNull();
    }

    @Test
    void connectProtocolFiresWithTheConnectedInstance() {
        int port = listenEcho();
        Collector mine = new Collector();
        Deferred<Collector> d = Endpoints.connectProtocol(new TCP4ClientEndpoint(reactor, "127.0.0.1", port), mine);
        Collector connected = Loop.result(reactor, d);
        assertThat(connected).isSameAs(mine);
        assertThat(mine.connected()).isTrue();
        mine.transport().write("ping".getBytes(StandardCharsets.UTF_8));
        Loop.until(reactor, () -> mine.text().equals("ping"));
        mine.transport().loseConnection();
        Loop.until(reactor, () -> mine.lost != null);
    }

    @Test
    void clientEndpointFailureFiresTheConnectError() {
        int port = listenEcho();
        Loop.result(reactor, ports.remove(0).stopListening());
        Failure failure = Loop.failure(
                reactor,
                new TCP4ClientEndpoint(reactor, "127.0.0.1", port).connect(Factory.forProtocol(Collector::new)));
        assertThat(failure.check(ConnectionRefusedError.class)).isNotNull();
    }

    @Test
    void aFactoryReturningNoProtocolFailsTheConnect() {
        int port = listenEcho();
        Factory none = new Factory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return null;
            }
        };
        Failure failure = Loop.failure(reactor, new TCP4ClientEndpoint(reactor, "127.0.0.1", port).connect(none));
        assertThat(failure.value()).isInstanceOf(io.jtwisted.internet.error.NoProtocol.class);
        assertThat(failure.getErrorMessage()).contains("returned no protocol");
    }

    @Test
    void cancellingTheConnectDeferredAbortsTheAttempt() throws IOException {
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
                int[] starts = new int[2];
                Factory counted = new Factory(Collector::new) {
                    @Override
                    public void startFactory() {
                        starts[0]++;
                    }

                    @Override
                    public void stopFactory() {
                        starts[1]++;
                    }
                };
                Deferred<IProtocol> d = new TCP4ClientEndpoint(reactor, "127.0.0.1", port).connect(counted);
                reactor.iterate(0);
                d.cancel();
                Failure failure = Loop.failure(reactor, d);
                assertThat(failure.check(ConnectingCancelledError.class)).isNotNull();
                assertThat(((ConnectingCancelledError) failure.value()).address())
                        .isEqualTo(new IPv4Address("TCP", "127.0.0.1", port));
                assertThat(starts).containsExactly(1, 1);
            } finally {
                for (SocketChannel f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void clientCreatorConnectsOneInstance() {
        int port = listenEcho();
        ClientCreator<Collector> creator = new ClientCreator<>(reactor, Collector::new);
        Collector p = Loop.result(reactor, creator.connectTCP("127.0.0.1", port));
        p.transport().write("creator".getBytes(StandardCharsets.UTF_8));
        Loop.until(reactor, () -> p.text().equals("creator"));
        p.transport().loseConnection();
        Loop.until(reactor, () -> p.lost != null);
    }

    @Test
    void clientCreatorFailureFiresTheError() {
        int port = listenEcho();
        Loop.result(reactor, ports.remove(0).stopListening());
        Failure failure =
                Loop.failure(reactor, new ClientCreator<>(reactor, Collector::new).connectTCP("127.0.0.1", port));
        assertThat(failure.check(ConnectionRefusedError.class)).isNotNull();
    }

    @Test
    void hostnameEndpointConnectsToTheResolvedAddress() {
        int port = listenEcho();
        Collector mine = new Collector();
        Collector connected = Loop.result(
                reactor, Endpoints.connectProtocol(new HostnameEndpoint<>(reactor, "localhost", port), mine));
        assertThat(connected).isSameAs(mine);
        connected.transport().write("name".getBytes(StandardCharsets.UTF_8));
        Loop.until(reactor, () -> mine.text().equals("name"));
        connected.transport().loseConnection();
        Loop.until(reactor, () -> mine.lost != null);
    }

    @Test
    void hostnameEndpointFailsForAnUnknownName() {
        Failure failure = Loop.failure(
                reactor,
                new HostnameEndpoint<>(reactor, "nonexistent.invalid", 80)
                        .connect(Factory.forProtocol(Collector::new)));
        assertThat(failure.check(DNSLookupError.class)).isNotNull();
    }

    @Test
    void hostnameEndpointFailsWithTheLastFailureWhenNothingAnswers() {
        int port = listenEcho();
        Loop.result(reactor, ports.remove(0).stopListening());
        Failure failure = Loop.failure(
                reactor,
                new HostnameEndpoint<>(reactor, "127.0.0.1", port).connect(Factory.forProtocol(Collector::new)));
        assertThat(failure.check(ConnectionRefusedError.class)).isNotNull();
    }

    @Test
    void serverAndClientFromStringsTalkToEachOther() {
        IListeningPort p = Loop.result(
                reactor,
                Endpoints.serverFromString(reactor, "tcp:0:interface=127.0.0.1")
                        .listen(Factory.forProtocol(Echo::new)));
        ports.add(p);
        int port = ((IPv4Address) p.getHost()).port();
        Collector mine = new Collector();
        Loop.result(
                reactor,
                Endpoints.connectProtocol(
                        Endpoints.clientFromString(reactor, "tcp:127.0.0.1:" + port + ":timeout=5"), mine));
        mine.transport().write("strings".getBytes(StandardCharsets.UTF_8));
        Loop.until(reactor, () -> mine.text().equals("strings"));
        mine.transport().loseConnection();
        Loop.until(reactor, () -> mine.lost != null);
    }

    @Test
    void tcp6EndpointsListenAndConnectOverIPv6() {
        IListeningPort p;
        try {
            p = Loop.result(
                    reactor, new TCP6ServerEndpoint(reactor, 0, 50, "::1").listen(Factory.forProtocol(Echo::new)));
        } catch (AssertionError noIPv6) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noIPv6.getMessage());
            return;
        }
        ports.add(p);
        int port = ((io.jtwisted.internet.address.IPv6Address) p.getHost()).port();
        Collector mine = new Collector();
        Loop.result(reactor, Endpoints.connectProtocol(new TCP6ClientEndpoint(reactor, "::1", port), mine));
        assertThat(mine.transport().getPeer())
                .isEqualTo(new io.jtwisted.internet.address.IPv6Address("TCP", "::1", port));
        mine.transport().write("six".getBytes(StandardCharsets.UTF_8));
        Loop.until(reactor, () -> mine.text().equals("six"));
        mine.transport().loseConnection();
        Loop.until(reactor, () -> mine.lost != null);
    }

    @Test
    void cancellingAHostnameEndpointConnectBeforeItResolvesFailsWithConnectingCancelledError() {
        Deferred<IProtocol> d =
                new HostnameEndpoint<>(reactor, "localhost", 9).connect(Factory.forProtocol(Collector::new));
        d.cancel();
        Failure failure = Loop.failure(reactor, d);
        assertThat(failure.check(ConnectingCancelledError.class)).isNotNull();
        for (int i = 0; i < 5; i++) {
            reactor.iterate(0.01); // the late resolution result is ignored
        }
    }
}
