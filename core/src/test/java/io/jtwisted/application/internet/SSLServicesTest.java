package io.jtwisted.application.internet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorSSL;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.ssl.IClientConnectionCreator;
import io.jtwisted.internet.ssl.IServerConnectionCreator;
import io.jtwisted.internet.testing.FakeConnector;
import io.jtwisted.internet.testing.FakePort;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SSLServer and SSLClient pass their arguments to {@code listenSSL}/{@code connectSSL} and undo them on stop,
 * as the TCP ones do (twisted/test/test_application.py's test_everythingThere covers them by name only; the
 * TLS handshake itself is the TLS transport's tests' business).
 */
class SSLServicesTest {
    /** Records the calls; its ports and connectors are fakes. */
    static final class RecordingSSLReactor implements IReactorSSL {
        final List<Object[]> listens = new ArrayList<>();
        final List<Object[]> connects = new ArrayList<>();
        FakePort port;
        FakeConnector connector;

        @Override
        public IListeningPort listenSSL(
                int portNumber,
                IProtocolFactory factory,
                IServerConnectionCreator contextFactory,
                int backlog,
                String iface) {
            listens.add(new Object[] {portNumber, factory, contextFactory, backlog, iface});
            port = new FakePort(new IPv4Address("TCP", "127.0.0.1", portNumber));
            return port;
        }

        @Override
        public IConnector connectSSL(
                String host,
                int portNumber,
                IClientFactory factory,
                IClientConnectionCreator contextFactory,
                double timeout,
                InetSocketAddress bindAddress) {
            connects.add(new Object[] {host, portNumber, factory, contextFactory, timeout});
            connector = new FakeConnector(new IPv4Address("TCP", host, portNumber));
            return connector;
        }
    }

    @Test
    void sslServerListensWithItsContextFactoryAndStopsListening() {
        RecordingSSLReactor reactor = new RecordingSSLReactor();
        Factory factory = new Factory();
        IServerConnectionCreator context = null;
        SSLServer server = new SSLServer(8443, factory, context, 10, "127.0.0.1");
        server.setReactor(reactor);
        server.privilegedStartService();
        server.startService();
        assertThat(reactor.listens).hasSize(1);
        assertThat(reactor.listens.get(0)).containsExactly(8443, factory, null, 10, "127.0.0.1");
        assertThat(server.stopService().called()).isTrue();
        assertThat(reactor.port.stopped()).isTrue();
    }

    @Test
    void sslClientConnectsWhenStartedAndDisconnectsWhenStopped() {
        RecordingSSLReactor reactor = new RecordingSSLReactor();
        ClientFactory factory = new ClientFactory();
        SSLClient client = new SSLClient("example.test", 443, factory, null).setReactor(reactor);
        client.startService();
        assertThat(reactor.connects).hasSize(1);
        assertThat(reactor.connects.get(0)).containsExactly("example.test", 443, factory, null, 30.0);
        client.stopService();
        assertThat(reactor.connector.disconnected()).isTrue();
        assertThat(client.connector()).isNull();
    }
}
