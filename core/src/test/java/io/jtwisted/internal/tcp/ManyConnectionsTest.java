package io.jtwisted.internal.tcp;

import static io.jtwisted.internal.tcp.TcpTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internal.tcp.TcpTestSupport.RecordingClientFactory;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IListeningPort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code benchmarks/idle.sh}: one reactor holds 1,000 connections at once
 * (both ends of each, so 2,000 sockets), every one echoes, then every one closes cleanly and no
 * descriptor is left open. Our own case (Twisted's test_tcp.py has no many-connections test).
 */
class ManyConnectionsTest {
    private static final int CONNECTIONS = 1000;

    @Test
    void oneReactorHoldsAThousandConnectionsAtOnceEchoesOnEachAndClosesThemAll() throws Exception {
        NioReactor reactor = TcpTestSupport.reactor();
        reactor.iterate(0);
        long descriptorsBefore = TcpFaultsTest.openDescriptors().size();
        KeepingFactory<Recorder.Echo> server = new KeepingFactory<>(Recorder.Echo::new);
        IListeningPort listening = reactor.listenTCP(0, server, 4096, "127.0.0.1");
        List<RecordingClientFactory<Recorder>> clients = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            String greeting = "client " + i;
            RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(() -> new Recorder(greeting, false));
            clients.add(client);
            reactor.connectTCP("127.0.0.1", port(listening), client);
        }
        Loop.until(
                reactor,
                () -> clients.stream()
                        .allMatch(c -> !c.built.isEmpty()
                                && c.built
                                        .get(0)
                                        .text()
                                        .equals(new String(
                                                c.built.get(0).greeting, java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(server.built).hasSize(CONNECTIONS).noneMatch(p -> p.lost.called());
        assertThat(TcpFaultsTest.openDescriptors().size())
                .as("every connection open at once, both ends")
                .isGreaterThanOrEqualTo((int) descriptorsBefore + 2 * CONNECTIONS);

        for (RecordingClientFactory<Recorder> client : clients) {
            client.built.get(0).transport().loseConnection();
        }
        Loop.until(reactor, () -> server.built.stream().allMatch(p -> p.lost.called()));
        assertThat(server.built)
                .allSatisfy(p ->
                        assertThat(p.lost.reason().check(ConnectionDone.class)).isNotNull());
        Loop.result(reactor, listening.stopListening());
        reactor.iterate(0);
        assertThat(TcpFaultsTest.openDescriptors().size())
                .as("descriptors after")
                .isLessThanOrEqualTo((int) descriptorsBefore);
    }
}
