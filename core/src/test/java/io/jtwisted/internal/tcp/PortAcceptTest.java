package io.jtwisted.internal.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a port accepts: the default backlog is the system's, and the number of accepts per
 * readiness adapts as Twisted's {@code numberAccepts} (twisted/internet/tcp.py Port.doRead): grown
 * by 20 when a turn used it all, else set to what the turn accepted, so a port that gets one
 * connection at a time does not make a second accept call that only returns "none".
 */
class PortAcceptTest {
    @Test
    void theDefaultBacklogIsTheSystemsOwnLimit() throws IOException {
        java.nio.file.Path somaxconn = java.nio.file.Path.of("/proc/sys/net/core/somaxconn");
        int expected = java.nio.file.Files.exists(somaxconn)
                ? Integer.parseInt(
                        java.nio.file.Files.readAllLines(somaxconn).get(0).strip())
                : 128;
        assertThat(IReactorTCP.DEFAULT_BACKLOG).isEqualTo(expected);
        assertThat(IReactorTCP.DEFAULT_BACKLOG)
                .as("somaxconn is never below 128 on Linux")
                .isGreaterThanOrEqualTo(128);
    }

    @Test
    void acceptsPerTurnFollowWhatArrives() throws Exception {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        Port port = (Port) reactor.listenTCP(0, server, 64, "127.0.0.1");
        int[] acceptCalls = {0};
        port.acceptor = channel -> {
            acceptCalls[0]++;
            return channel.accept();
        };
        List<Socket> clients = new ArrayList<>();
        try {
            connect(clients, 3, TcpTestSupport.port(port)); // all three wait in the accept queue
            Loop.until(reactor, () -> server.built.size() == 3);
            assertThat(acceptCalls[0])
                    .as("three accepts, then one that found none")
                    .isEqualTo(4);
            assertThat(port.acceptsPerTurn()).as("what the turn accepted").isEqualTo(3);

            connect(clients, 5, TcpTestSupport.port(port));
            Loop.until(reactor, () -> server.built.size() == 8);
            // One turn takes 3 (its bound, so no call that finds none), the next takes 2 and finds none.
            assertThat(acceptCalls[0]).isEqualTo(4 + 3 + 3);
            assertThat(port.acceptsPerTurn()).isEqualTo(2);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            Loop.until(reactor, () -> server.built.stream().allMatch(p -> p.lost.called()));
            Loop.result(reactor, port.stopListening());
        }
    }

    @Test
    void aTurnThatUsesItsWholeBoundGrowsItByTwenty() throws Exception {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        Port port = (Port) reactor.listenTCP(0, server, 64, "127.0.0.1");
        List<Socket> clients = new ArrayList<>();
        try {
            connect(clients, 1, TcpTestSupport.port(port));
            Loop.until(reactor, () -> server.built.size() == 1);
            assertThat(port.acceptsPerTurn()).isEqualTo(1);
            connect(clients, 2, TcpTestSupport.port(port));
            Loop.until(reactor, () -> server.built.size() == 3);
            // bound 1 used whole: 21; the next turn took the second connection and found none: 1.
            assertThat(port.acceptsPerTurn()).isEqualTo(1);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            Loop.until(reactor, () -> server.built.stream().allMatch(p -> p.lost.called()));
            Loop.result(reactor, port.stopListening());
        }
    }

    private static void connect(List<Socket> clients, int count, int port) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            clients.add(socket);
        }
    }
}
