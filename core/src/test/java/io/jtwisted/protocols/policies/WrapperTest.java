package io.jtwisted.protocols.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.internet.testing.StringTransportWithDisconnection;
import io.jtwisted.protocols.policies.Helpers.EchoProtocol;
import io.jtwisted.protocols.policies.Helpers.Server;
import io.jtwisted.python.failure.Failure;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.test.test_policies.WrapperTests.
 *
 * <p>Covered: test_protocolFactoryAttribute, test_transportInterfaces (as: the wrapped protocol's
 * transport is the wrapper, which is an ITCPTransport relaying to the real one),
 * test_factoryLogPrefix, test_factoryLogPrefixFallback, test_protocolLogPrefix,
 * test_protocolLogPrefixFallback, test_getHost, test_getPeer, test_registerProducer,
 * test_unregisterProducer, test_breakReferenceCycle, test_startedConnecting,
 * test_clientConnectionLost, test_clientConnectionFailed.
 *
 * <p>Not ported: test_stopConsuming (no stopConsuming in JTwisted's transport interfaces).
 */
class WrapperTest {
    private static final IPv4Address ADDRESS = new IPv4Address("TCP", "127.0.0.1", 35);

    @Test
    void wrappedProtocolsFactoryIsTheWrappedFactory() {
        Server f = new Server();
        WrappingFactory wf = new WrappingFactory(f);
        ProtocolWrapper p = (ProtocolWrapper) wf.buildProtocol(ADDRESS);
        assertThat(((Protocol) p.wrappedProtocol()).factory()).isSameAs(f);
        assertThat(p.factory()).isSameAs(wf);
    }

    @Test
    void wrappedProtocolsTransportIsTheWrapperRelayingToTheRealTransport() {
        Protocol proto = new Protocol() {};
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(null), proto);
        StringTransport transport = new StringTransport();
        wrapper.makeConnection(transport);
        assertThat(proto.transport()).isSameAs(wrapper);
        proto.transport().write("x".getBytes(StandardCharsets.US_ASCII));
        ((ProtocolWrapper) proto.transport()).setTcpNoDelay(true);
        assertThat(transport.valueString()).isEqualTo("x");
        assertThat(transport.getTcpNoDelay()).isTrue();
    }

    @Test
    void factoryLogPrefixNamesBothFactories() {
        assertThat(new WrappingFactory(new Server()).logPrefix()).isEqualTo("Server (WrappingFactory)");
        class NoFactory extends Factory {}
        assertThat(new WrappingFactory(new NoFactory()).logPrefix()).isEqualTo("NoFactory (WrappingFactory)");
    }

    @Test
    void protocolLogPrefixNamesBothProtocols() {
        WrappingFactory factory = new WrappingFactory(new Server());
        ProtocolWrapper protocol = (ProtocolWrapper) factory.buildProtocol(ADDRESS);
        assertThat(protocol.logPrefix()).isEqualTo("EchoProtocol (ProtocolWrapper)");
        class NoProtocol extends Protocol {}
        WrappingFactory other = new WrappingFactory(Factory.forProtocol(NoProtocol::new));
        assertThat(((ProtocolWrapper) other.buildProtocol(ADDRESS)).logPrefix())
                .isEqualTo("NoProtocol (ProtocolWrapper)");
    }

    private static ProtocolWrapper connectedWrapper() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol() {});
        wrapper.makeConnection(new StringTransport());
        return wrapper;
    }

    @Test
    void getHostAndGetPeerComeFromTheRealTransport() {
        ProtocolWrapper wrapper = connectedWrapper();
        assertThat(wrapper.getHost()).isEqualTo(wrapper.transport().getHost());
        assertThat(wrapper.getPeer()).isEqualTo(wrapper.transport().getPeer());
    }

    @Test
    void producersAreRegisteredWithTheRealTransport() {
        ProtocolWrapper wrapper = connectedWrapper();
        IProducer producer = () -> {};
        wrapper.registerProducer(producer, true);
        StringTransport real = (StringTransport) wrapper.transport();
        assertThat(real.producer()).isSameAs(producer);
        assertThat(real.streaming()).isTrue();
        wrapper.unregisterProducer();
        assertThat(real.producer()).isNull();
    }

    @Test
    void connectionLostForgetsTheWrappedProtocol() {
        WrappingFactory factory = new WrappingFactory(new Server());
        ProtocolWrapper wrapper = new ProtocolWrapper(factory, new Protocol() {});
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.setProtocol(wrapper);
        wrapper.makeConnection(transport);
        assertThat(wrapper.wrappedProtocol()).isNotNull();
        assertThat(factory.protocols()).containsExactly(wrapper);
        transport.loseConnection();
        assertThat(wrapper.wrappedProtocol()).isNull();
        assertThat(factory.protocols()).isEmpty();
    }

    @Test
    void connectorEventsAreRelayedToTheWrappedClientFactory() {
        List<Object> result = new ArrayList<>();
        ClientFactory wrapped = new ClientFactory() {
            @Override
            public void startedConnecting(IConnector connector) {
                result.add(connector);
            }

            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                result.add(List.of("failed", connector, reason));
            }

            @Override
            public void clientConnectionLost(IConnector connector, Failure reason) {
                result.add(List.of("lost", connector, reason));
            }
        };
        WrappingFactory wrapper = new WrappingFactory(wrapped);
        IConnector connector = (IConnector) Proxy.newProxyInstance(
                IConnector.class.getClassLoader(),
                new Class<?>[] {IConnector.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> null;
                });
        Failure reason = new Failure(new RuntimeException("why"));
        wrapper.startedConnecting(connector);
        wrapper.clientConnectionFailed(connector, reason);
        wrapper.clientConnectionLost(connector, reason);
        assertThat(result)
                .containsExactly(connector, List.of("failed", connector, reason), List.of("lost", connector, reason));
    }

    @Test
    void startingTheWrappingFactoryStartsTheWrappedOne() {
        int[] events = new int[2];
        Factory wrapped = new Factory(EchoProtocol::new) {
            @Override
            public void startFactory() {
                events[0]++;
            }

            @Override
            public void stopFactory() {
                events[1]++;
            }
        };
        WrappingFactory factory = new WrappingFactory(wrapped);
        factory.doStart();
        assertThat(events).containsExactly(1, 0);
        factory.doStop();
        assertThat(events).containsExactly(1, 1);
    }

    @Test
    void loseConnectionThroughTheWrapperMarksItDisconnecting() {
        ProtocolWrapper wrapper = connectedWrapper();
        assertThat(wrapper.disconnecting()).isFalse();
        wrapper.loseConnection();
        assertThat(wrapper.disconnecting()).isTrue();
        assertThat(((StringTransport) wrapper.transport()).disconnecting()).isTrue();
    }
}
