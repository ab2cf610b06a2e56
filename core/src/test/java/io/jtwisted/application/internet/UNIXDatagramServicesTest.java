package io.jtwisted.application.internet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.protocol.ConnectedDatagramProtocol;
import io.jtwisted.internet.protocol.DatagramProtocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UNIXDatagramServer and UNIXDatagramClient over real sockets. Twisted's test_application.py has
 * no case for them (its testUNIX covers the stream services); these follow testUNIX: a server
 * answers a client while both run, each closes its socket when it stops, and a client that cannot
 * connect tells its protocol.
 */
class UNIXDatagramServicesTest {
    private final NioReactor reactor = new NioReactor();

    @TempDir
    Path dir;

    /** Answers every datagram with "echo " and the datagram. */
    static class Echo extends DatagramProtocol {
        @Override
        public void datagramReceived(byte[] datagram, IAddress addr) {
            transport.write(
                    ("echo " + new String(datagram, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII),
                    addr);
        }
    }

    /** Sends "ping" when it starts; records the answers and a failure to connect. */
    static class Ping extends ConnectedDatagramProtocol {
        final List<String> answers = new ArrayList<>();
        Failure failed;

        @Override
        public void startProtocol() {
            transport.write("ping".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void datagramReceived(byte[] datagram) {
            answers.add(new String(datagram, StandardCharsets.US_ASCII));
        }

        @Override
        public void connectionFailed(Failure reason) {
            failed = reason;
        }
    }

    @Test
    void theServerAnswersTheClientWhileBothRunAndEachClosesItsSocketWhenItStops() {
        String serverPath = dir.resolve("server.sock").toString();
        String clientPath = dir.resolve("client.sock").toString();
        UNIXDatagramServer server = new UNIXDatagramServer(serverPath, new Echo());
        server.setReactor(reactor);
        Ping ping = new Ping();
        UNIXDatagramClient client = new UNIXDatagramClient(serverPath, ping, clientPath).setReactor(reactor);

        server.privilegedStartService(); // binds before privileges would be dropped, as TCPServer does
        server.startService();
        assertThat(server.port().getHost()).isEqualTo(new UNIXAddress(serverPath));
        client.startService();
        assertThat(client.port().getPeer()).isEqualTo(new UNIXAddress(serverPath));
        Loop.until(reactor, () -> ping.answers.size() == 1);
        assertThat(ping.answers).containsExactly("echo ping");

        Deferred<?> clientStopped = client.stopService();
        Deferred<?> serverStopped = server.stopService();
        Loop.result(reactor, clientStopped);
        Loop.result(reactor, serverStopped);
        assertThat(client.port()).isNull();
        assertThat(server.port()).isNull();
        assertThat(reactor.getReaders()).isEmpty();
        assertThat(Files.exists(Path.of(serverPath)))
                .as("the socket file stays, as in Twisted")
                .isTrue();
    }

    @Test
    void aClientThatCannotConnectTellsItsProtocolAndStopsCleanly() {
        Ping ping = new Ping();
        UNIXDatagramClient client =
                new UNIXDatagramClient(dir.resolve("nobody.sock").toString(), ping, null).setReactor(reactor);
        client.startService();
        assertThat(ping.failed).isNotNull();
        assertThat(ping.failed.value()).isInstanceOf(ConnectError.class);
        Loop.result(reactor, client.stopService());
        assertThat(reactor.getReaders()).isEmpty();
    }
}
