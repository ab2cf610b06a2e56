package io.jtwisted.application.internet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.ReactorTestSupport;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports of twisted/test/test_application.py's testUNIX: a UNIXServer serves a real UNIX-socket client while it
 * runs and stops listening when it stops, and a UNIXClient connects while it runs and disconnects when it stops.
 */
class UNIXServicesTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    @TempDir
    Path dir;

    @Test
    void unixServerServesARealClientWhileRunning() {
        Path socketFile = dir.resolve("echo.sock");
        UNIXServer server = new UNIXServer(socketFile.toString(), Factory.forProtocol(() -> new Protocol() {
            @Override
            public void connectionMade() {
                transport.write("hello unix\n".getBytes(StandardCharsets.US_ASCII));
                transport.loseConnection();
            }
        }));
        server.setReactor(reactor);
        AtomicReference<String> greeting = new AtomicReference<>();
        AtomicReference<Throwable> problem = new AtomicReference<>();
        reactor.callWhenRunning(() -> {
            server.startService();
            Thread client = new Thread(() -> {
                try (SocketChannel channel = SocketChannel.open(java.net.UnixDomainSocketAddress.of(socketFile))) {
                    ByteBuffer buffer = ByteBuffer.allocate(64);
                    while (channel.read(buffer) >= 0) {
                        // read until the server closes
                    }
                    greeting.set(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    problem.set(e);
                }
                reactor.callFromThread(() -> server.stopService().addCallback(ignored -> {
                    reactor.stop();
                    return null;
                }));
            });
            client.start();
        });
        ReactorTestSupport.runUntilStopped(reactor);
        assertThat(problem.get()).isNull();
        assertThat(greeting.get()).isEqualTo("hello unix\n");
        assertThat(server.port()).isNull();
        assertThat(Files.exists(socketFile)).isFalse();
    }

    @Test
    void unixClientConnectsWhileRunning() {
        List<Object[]> calls = new ArrayList<>();
        io.jtwisted.internet.testing.FakeConnector connector = new io.jtwisted.internet.testing.FakeConnector(null);
        io.jtwisted.internet.interfaces.IReactorUNIX reactor = new io.jtwisted.internet.interfaces.IReactorUNIX() {
            @Override
            public io.jtwisted.internet.interfaces.IListeningPort listenUNIX(
                    String address,
                    io.jtwisted.internet.interfaces.IProtocolFactory factory,
                    int backlog,
                    int mode,
                    boolean wantPID) {
                throw new UnsupportedOperationException();
            }

            @Override
            public IConnector connectUNIX(
                    String address,
                    io.jtwisted.internet.interfaces.IClientFactory factory,
                    double timeout,
                    boolean checkPID) {
                calls.add(new Object[] {address, factory, timeout, checkPID});
                return connector;
            }
        };
        ClientFactory factory = new ClientFactory();
        UNIXClient client = new UNIXClient("/run/app.sock", factory).setReactor(reactor);
        client.startService();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly("/run/app.sock", factory, 30.0, false);
        client.stopService();
        assertThat(connector.disconnected()).isTrue();
    }
}
