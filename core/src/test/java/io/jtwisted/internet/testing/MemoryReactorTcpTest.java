package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TCP side of MemoryReactor, RaisingMemoryReactor and ConnectionCompleter. From
 * twisted.internet.test.test_testing.ReactorTests: test_memoryReactorProvides and
 * test_raisingReactorProvides (IReactorTCP), test_connectDestination and
 * test_listenDefaultHost (TCP parts). Not ported: the SSL and UNIX parts (no listenSSL/listenUNIX
 * in JTwisted yet). ConnectionCompleter and connectableEndpoint follow twisted/test/iosim.py
 * (Twisted tests them only through test_endpoints).
 */
class MemoryReactorTcpTest {
    /** A client factory recording its callbacks. */
    static final class RecordingClientFactory extends ClientFactory {
        final List<String> events = new ArrayList<>();
        Failure failure;

        RecordingClientFactory() {
            super(AccumulatingProtocol::new);
        }

        @Override
        public void startedConnecting(IConnector connector) {
            events.add("startedConnecting " + connector.getDestination());
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            events.add("failed");
            failure = reason;
        }
    }

    @Test
    void bothReactorsProvideReactorTCP() {
        assertThat(new MemoryReactor()).isInstanceOf(IReactorTCP.class);
        assertThat(new RaisingMemoryReactor(null, null)).isInstanceOf(IReactorTCP.class);
    }

    @Test
    void connectTCPRecordsTheCallAndReturnsAConnectorToTheDestination() {
        MemoryReactor reactor = new MemoryReactor();
        RecordingClientFactory factory = new RecordingClientFactory();
        IConnector connector = reactor.connectTCP("test.example.com", 8321, factory);
        assertThat(connector.getDestination()).isEqualTo(new IPv4Address("TCP", "test.example.com", 8321));
        assertThat(reactor.tcpClients())
                .singleElement()
                .isEqualTo(new MemoryReactor.TcpClient("test.example.com", 8321, factory, 30, null));
        assertThat(reactor.connectors()).containsExactly((FakeConnector) connector);
        assertThat(factory.events).containsExactly("startedConnecting " + connector.getDestination());

        connector.stopConnecting();
        connector.disconnect();
        assertThat(((FakeConnector) connector).stoppedConnecting()).isTrue();
        assertThat(((FakeConnector) connector).disconnected()).isTrue();
        assertThat(reactor.connectTCP("::1", 1, factory).getDestination()).isEqualTo(new IPv6Address("TCP", "::1", 1));
    }

    @Test
    void listenTCPRecordsTheCallAndReturnsAPortOnTheDefaultHost() {
        MemoryReactor reactor = new MemoryReactor();
        Factory factory = Factory.forProtocol(AccumulatingProtocol::new);
        IListeningPort port = reactor.listenTCP(8242, factory);
        assertThat(port.getHost()).isEqualTo(new IPv4Address("TCP", "0.0.0.0", 8242));
        assertThat(reactor.tcpServers())
                .containsExactly(new MemoryReactor.TcpServer(
                        8242, factory, io.jtwisted.internet.interfaces.IReactorTCP.DEFAULT_BACKLOG, ""));
        assertThat(reactor.listenTCP(8243, factory, 5, "::1").getHost()).isEqualTo(new IPv6Address("TCP", "::1", 8243));

        Deferred<Void> stopped = port.stopListening();
        assertThat(stopped.hasResult()).isTrue();
        assertThat(((FakePort) port).stopped()).isTrue();
    }

    @Test
    void raisingReactorThrowsTheGivenExceptions() {
        IllegalStateException listen = new IllegalStateException("no listening");
        IllegalArgumentException connect = new IllegalArgumentException("no connecting");
        RaisingMemoryReactor reactor = new RaisingMemoryReactor(listen, connect);
        assertThatThrownBy(() -> reactor.listenTCP(1, new Factory())).isSameAs(listen);
        assertThatThrownBy(() -> reactor.connectTCP("h", 1, new ClientFactory()))
                .isSameAs(connect);
    }

    @Test
    void completerConnectsAClientToTheServerOnItsPort() {
        MemoryReactor reactor = new MemoryReactor();
        AccumulatingFactory serverFactory = new AccumulatingFactory();
        Deferred<AccumulatingProtocol> serverMade = new Deferred<>();
        serverFactory.protocolConnectionMade = serverMade;
        reactor.listenTCP(1000, serverFactory);
        reactor.listenTCP(2000, serverFactory);
        RecordingClientFactory clientFactory = new RecordingClientFactory();
        reactor.connectTCP("10.0.0.9", 3000, new RecordingClientFactory());
        reactor.connectTCP("10.0.0.9", 2000, clientFactory);

        IOPump pump = new ConnectionCompleter(reactor).succeedOnce();
        assertThat(pump).isNotNull();
        assertThat(reactor.tcpClients())
                .extracting(MemoryReactor.TcpClient::port)
                .containsExactly(3000);
        assertThat(reactor.connectors()).hasSize(1);
        AccumulatingProtocol server = serverMade.currentResult() instanceof AccumulatingProtocol p ? p : null;
        assertThat(server).isNotNull();

        IProtocol client = pump.client();
        ((AccumulatingProtocol) client).transport().write("over".getBytes(StandardCharsets.US_ASCII));
        pump.flush();
        assertThat(server.dataString()).isEqualTo("over");
        assertThat(new ConnectionCompleter(reactor).succeedOnce())
                .as("no server on 3000")
                .isNull();
    }

    @Test
    void completerFailsTheFirstAttempt() {
        MemoryReactor reactor = new MemoryReactor();
        RecordingClientFactory first = new RecordingClientFactory();
        reactor.connectTCP("h", 1, first);
        new ConnectionCompleter(reactor).failOnce();
        assertThat(first.failure.value()).isInstanceOf(ConnectionRefusedError.class);
        assertThat(reactor.tcpClients()).isEmpty();
        assertThat(reactor.connectors()).isEmpty();
        assertThatThrownBy(() -> new ConnectionCompleter(reactor).failOnce()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void connectableEndpointConnectsOrFailsOnDemand() {
        IOSim.ConnectableEndpoint connectable = IOSim.connectableEndpoint();
        Deferred<IProtocol> connected = connectable.endpoint().connect(Factory.forProtocol(AccumulatingProtocol::new));
        assertThat(connected.hasResult()).isFalse();
        IOPump pump = connectable.completer().succeedOnce();
        assertThat(pump).isNotNull();
        assertThat(connected.currentResult()).isInstanceOf(AccumulatingProtocol.class);
        assertThat(((AccumulatingProtocol) connected.currentResult()).made()).isTrue();

        Deferred<IProtocol> refused = connectable.endpoint().connect(Factory.forProtocol(AccumulatingProtocol::new));
        connectable.completer().failOnce();
        assertThat(refused.currentResult())
                .isInstanceOfSatisfying(
                        Failure.class, f -> assertThat(f.value()).isInstanceOf(ConnectionRefusedError.class));
        refused.addErrback(f -> null);
    }
}
