package io.jtwisted.internal.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IReactorTCP.ListenOptions;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * {@code SO_REUSEPORT} on a listening TCP port ({@code ListenOptions.reusePort}, {@code reusePort=true} in a
 * {@code tcp:} description): two ports that both ask for it share one address and port, a port that did not
 * ask cannot join them nor be joined, and either shared port accepts. Twisted has no such option (its
 * ticket for it is open), so no Twisted test is ported here.
 */
class ReusePortTest {
    private static final ListenOptions LOOPBACK = ListenOptions.defaults().withInterface("127.0.0.1");

    @Test
    void twoPortsWithReusePortBindTheSameAddressAndPort() throws Exception {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> first = new KeepingFactory<>(Recorder::new);
        KeepingFactory<Recorder> second = new KeepingFactory<>(Recorder::new);
        IListeningPort one = reactor.listenTCP(0, first, LOOPBACK.withReusePort(true));
        int port = TcpTestSupport.port(one);
        IListeningPort two = reactor.listenTCP(port, second, LOOPBACK.withReusePort(true));
        try {
            assertThat(TcpTestSupport.port(two)).isEqualTo(port);
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", port));
                Loop.until(reactor, () -> first.built.size() + second.built.size() == 1);
            }
            Loop.until(
                    reactor,
                    () -> first.built.stream().allMatch(p -> p.lost.called())
                            && second.built.stream().allMatch(p -> p.lost.called()));
        } finally {
            Loop.result(reactor, one.stopListening());
            Loop.result(reactor, two.stopListening());
        }
    }

    @Test
    void aSecondPortWithoutReusePortCannotBindAReusedPort() {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> factory = new KeepingFactory<>(Recorder::new);
        IListeningPort one = reactor.listenTCP(0, factory, LOOPBACK.withReusePort(true));
        int port = TcpTestSupport.port(one);
        try {
            assertThatThrownBy(() -> reactor.listenTCP(port, factory, 50, "127.0.0.1"))
                    .isInstanceOf(CannotListenError.class)
                    .hasMessageContaining(String.valueOf(port));
            assertThatThrownBy(() -> reactor.listenTCP(port, factory, LOOPBACK)).isInstanceOf(CannotListenError.class);
        } finally {
            Loop.result(reactor, one.stopListening());
        }
        assertThat(factory.starts)
                .as("the failed listens did not start the factory")
                .isEqualTo(1);
    }

    @Test
    void aPortWithReusePortCannotJoinOneThatDidNotAsk() {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> factory = new KeepingFactory<>(Recorder::new);
        IListeningPort plain = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        int port = TcpTestSupport.port(plain);
        try {
            assertThatThrownBy(() -> reactor.listenTCP(port, factory, LOOPBACK.withReusePort(true)))
                    .isInstanceOf(CannotListenError.class);
        } finally {
            Loop.result(reactor, plain.stopListening());
        }
    }

    @Test
    void reusePortTrueInATcpDescriptionSharesThePort() throws Exception {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> factory = new KeepingFactory<>(Recorder::new);
        IListeningPort one = Loop.result(
                reactor,
                Endpoints.serverFromString(reactor, "tcp:0:interface=127.0.0.1:reusePort=true")
                        .listen(factory));
        int port = TcpTestSupport.port(one);
        IListeningPort two = null;
        try {
            assertThat(Loop.reason(
                                    reactor,
                                    Endpoints.serverFromString(reactor, "tcp:" + port + ":interface=127.0.0.1")
                                            .listen(factory))
                            .value())
                    .isInstanceOf(CannotListenError.class);
            two = Loop.result(
                    reactor,
                    Endpoints.serverFromString(reactor, "tcp:" + port + ":interface=127.0.0.1:reusePort=true")
                            .listen(factory));
            assertThat(TcpTestSupport.port(two)).isEqualTo(port);
        } finally {
            Loop.result(reactor, one.stopListening());
            if (two != null) {
                Loop.result(reactor, two.stopListening());
            }
        }
    }
}
