package io.jtwisted.internet.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.MemoryReactor;
import io.jtwisted.internet.testing.RaisingMemoryReactor;
import io.jtwisted.python.failure.Failure;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * What the TCP endpoints pass to the reactor, on MemoryReactor / RaisingMemoryReactor.
 *
 * <p>Ports of twisted/internet/test/test_endpoints.py TCP4EndpointsTests and TCP6EndpointsTests
 * through EndpointTestCaseMixin: test_endpointListenSuccess / test_endpointListenFailure /
 * test_endpointConnectNonDefaultArgs / test_endpointListenNonDefaultArgs (the arguments reach
 * listenTCP and connectTCP), test_endpointConnectFailure with a connector failing at once
 * (RaisingMemoryReactor). Not ported: tests on Python repr and interface declarations.
 */
class EndpointArgumentsTest {
    private final Factory factory = Factory.forProtocol(() -> new Protocol() {});

    @Test
    void serverEndpointPassesPortBacklogAndInterface() {
        MemoryReactor reactor = new MemoryReactor();
        Deferred<?> d = new TCP4ServerEndpoint(reactor, 1234, 25, "10.0.0.3").listen(factory);
        assertThat(d.hasResult()).isTrue();
        assertThat(reactor.tcpServers()).containsExactly(new MemoryReactor.TcpServer(1234, factory, 25, "10.0.0.3"));
        new TCP6ServerEndpoint(reactor, 80).listen(factory);
        assertThat(reactor.tcpServers().get(1))
                .isEqualTo(new MemoryReactor.TcpServer(
                        80, factory, io.jtwisted.internet.interfaces.IReactorTCP.DEFAULT_BACKLOG, "::"));
    }

    @Test
    void serverEndpointListenFailureIsAnErrback() {
        CannotListenError busy = new CannotListenError("", 80, new java.io.IOException("Address already in use"));
        Deferred<?> d = new TCP4ServerEndpoint(new RaisingMemoryReactor(busy, null), 80).listen(factory);
        Object result = d.currentResult();
        assertThat(result).isInstanceOf(Failure.class);
        assertThat(((Failure) result).value()).isSameAs(busy);
        d.addErrback(f -> null);
    }

    @Test
    void clientEndpointPassesHostPortTimeoutAndBindAddress() {
        MemoryReactor reactor = new MemoryReactor();
        InetSocketAddress bind = new InetSocketAddress("10.0.0.4", 0);
        Deferred<IProtocol> d = new TCP4ClientEndpoint(reactor, "example.com", 1234, 7, bind).connect(factory);
        assertThat(d.hasResult()).isFalse();
        MemoryReactor.TcpClient call = reactor.tcpClients().get(0);
        assertThat(call.host()).isEqualTo("example.com");
        assertThat(call.port()).isEqualTo(1234);
        assertThat(call.timeout()).isEqualTo(7);
        assertThat(call.bindAddress()).isEqualTo(bind);
    }

    @Test
    void clientEndpointConnectRaisingIsAnErrback() {
        ConnectionRefusedError refused = new ConnectionRefusedError("at once");
        Deferred<IProtocol> d =
                new TCP4ClientEndpoint(new RaisingMemoryReactor(null, refused), "127.0.0.1", 1).connect(factory);
        Object result = d.currentResult();
        assertThat(result).isInstanceOf(Failure.class);
        assertThat(((Failure) result).value()).isSameAs(refused);
        d.addErrback(f -> null);
    }
}
