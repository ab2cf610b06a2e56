package io.jtwisted.internal.unix.datagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.protocol.ConnectedDatagramProtocol;
import io.jtwisted.internet.protocol.DatagramProtocol;
import io.jtwisted.testing.TwistedScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Twisted's UNIX datagram sockets against JTwisted's, both ways: a Twisted connected
 * client gets its datagram back from a JTwisted server (which sees the client's bound path), a
 * JTwisted connected client gets its datagram back from a Twisted server, and a zero-length
 * datagram from an unbound Twisted socket reaches JTwisted from the empty address.
 */
class UnixDatagramTwistedInteropTest {
    private final TwistedScripts twisted = new TwistedScripts(
            "UnixDatagramTwistedInteropTest", Path.of("src/test/resources/interop/twisted_unix_datagram.py"));
    private final NioReactor reactor = new NioReactor();
    private final List<IUDPTransport> ports = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        twisted.destroyAll();
        for (IUDPTransport port : ports) {
            Loop.result(reactor, port.stopListening());
        }
    }

    /** Sends every datagram back; records what came from where. */
    static class Echo extends DatagramProtocol {
        final List<byte[]> datagrams = new ArrayList<>();
        final List<IAddress> senders = new ArrayList<>();

        @Override
        public void datagramReceived(byte[] datagram, IAddress addr) {
            datagrams.add(datagram);
            senders.add(addr);
            if (datagram.length > 0) {
                transport.write(datagram, addr);
            }
        }
    }

    @Test
    void aTwistedClientGetsItsDatagramBackFromAJTwistedServer() throws Exception {
        String server = dir.resolve("j.sock").toString();
        String client = dir.resolve("t.sock").toString();
        Echo echo = new Echo();
        ports.add(reactor.listenUNIXDatagram(server, echo));
        CompletableFuture<String> line =
                TwistedScripts.firstLine(twisted.start("send", server, client, "from-twisted"));
        Loop.until(reactor, line::isDone);
        assertThat(line.get()).isEqualTo("echo from-twisted");
        assertThat(echo.senders).containsExactly(new UNIXAddress(client));
    }

    @Test
    void aJTwistedClientGetsItsDatagramBackFromATwistedServer() throws Exception {
        String server = dir.resolve("t.sock").toString();
        Process twistedServer = twisted.start("echo", server);
        assertThat(TwistedScripts.firstLine(twistedServer).get(30, TimeUnit.SECONDS))
                .isEqualTo("ready");
        List<String> answers = new ArrayList<>();
        ConnectedDatagramProtocol client = new ConnectedDatagramProtocol() {
            @Override
            public void startProtocol() {
                transport.write("from-jtwisted".getBytes(StandardCharsets.US_ASCII));
            }

            @Override
            public void datagramReceived(byte[] datagram) {
                answers.add(new String(datagram, StandardCharsets.US_ASCII));
            }
        };
        ports.add(reactor.connectUNIXDatagram(
                server, client, dir.resolve("j.sock").toString()));
        Loop.until(reactor, () -> !answers.isEmpty());
        assertThat(answers).containsExactly("from-jtwisted");
    }

    @Test
    void aZeroLengthDatagramFromAnUnboundTwistedSocketArrivesFromTheEmptyAddress() throws Exception {
        String server = dir.resolve("j.sock").toString();
        Echo echo = new Echo();
        ports.add(reactor.listenUNIXDatagram(server, echo));
        CompletableFuture<String> line = TwistedScripts.firstLine(twisted.start("empty", server));
        Loop.until(reactor, () -> line.isDone() && !echo.datagrams.isEmpty());
        assertThat(line.get()).isEqualTo("sent");
        assertThat(echo.datagrams).hasSize(1);
        assertThat(echo.datagrams.get(0)).isEmpty();
        assertThat(echo.senders).containsExactly(new UNIXAddress(""));
    }
}
