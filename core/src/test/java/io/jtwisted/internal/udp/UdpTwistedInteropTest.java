package io.jtwisted.internal.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IUDPTransport;
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

/** A Twisted DatagramProtocol and a JTwisted one exchange datagrams, each way, on 127.0.0.1. */
class UdpTwistedInteropTest {
    private final TwistedScripts twisted =
            new TwistedScripts("UdpTwistedInteropTest", Path.of("src/test/resources/interop/twisted_udp.py"));
    private final NioReactor reactor = new NioReactor();
    private final List<IUDPTransport> ports = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        twisted.destroyAll();
        for (IUDPTransport port : ports) {
            Loop.result(reactor, port.stopListening());
        }
    }

    @Test
    void aTwistedClientGetsItsDatagramBackFromAJTwistedEchoServer() throws Exception {
        IUDPTransport port = reactor.listenUDP(
                0,
                new DatagramProtocol() {
                    @Override
                    public void datagramReceived(byte[] datagram, IAddress addr) {
                        transport.write(datagram, addr);
                    }
                },
                "127.0.0.1",
                8192);
        ports.add(port);
        Process client = twisted.start("ping", Integer.toString(((IPv4Address) port.getHost()).port()), "from-twisted");
        CompletableFuture<String> line = TwistedScripts.firstLine(client);
        Loop.until(reactor, line::isDone);
        assertThat(line.get()).isEqualTo("got from-twisted from 127.0.0.1");
    }

    @Test
    void aJTwistedClientGetsItsDatagramBackFromATwistedEchoServer() throws Exception {
        Process server = twisted.start("echo");
        int twistedPort = Integer.parseInt(
                TwistedScripts.firstLine(server).get(30, TimeUnit.SECONDS).strip());
        List<String> answers = new ArrayList<>();
        IUDPTransport port = reactor.listenUDP(
                0,
                new DatagramProtocol() {
                    @Override
                    public void datagramReceived(byte[] datagram, IAddress addr) {
                        answers.add(new String(datagram, StandardCharsets.US_ASCII) + " from " + addr);
                    }
                },
                "127.0.0.1",
                8192);
        ports.add(port);
        port.write("from-jtwisted".getBytes(StandardCharsets.US_ASCII), "127.0.0.1", twistedPort);
        Loop.until(reactor, () -> !answers.isEmpty());
        assertThat(answers).containsExactly("from-jtwisted from " + new IPv4Address("UDP", "127.0.0.1", twistedPort));
    }
}
