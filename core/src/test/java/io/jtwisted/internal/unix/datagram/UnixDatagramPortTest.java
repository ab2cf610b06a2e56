package io.jtwisted.internal.unix.datagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internal.unix.afunix.ForeignPoller;
import io.jtwisted.internet.ReactorTestSupport.CapturedLog;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectError;
import io.jtwisted.internet.error.InvalidAddressError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.interfaces.IUNIXDatagramConnectedTransport;
import io.jtwisted.internet.interfaces.IUNIXDatagramTransport;
import io.jtwisted.internet.protocol.ConnectedDatagramProtocol;
import io.jtwisted.internet.protocol.DatagramProtocol;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.python.failure.Failure;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * UNIX-domain datagram sockets over real sockets. Ported from twisted/test/test_unix.py
 * DatagramUnixSocketTests: test_exchange (a connected client and a listening server answer each
 * other, the server seeing the client's bound path), test_cannotListen (a bound path fails with
 * CannotListenError), test_reprWithNewStyleProtocol (the two forms of the port's string); and from
 * twisted/internet/test/test_unix.py UNIXDatagramTestsBuilder: test_listenMode (the socket file
 * gets the mode), test_listenOnLinuxAbstractNamespace ("\0name" addresses). Added here, since
 * Twisted has no test of them: unbound senders (zero-length datagrams are in
 * UnixDatagramInteropTest, since junixsocket cannot send one), the maxPacketSize limit,
 * a throwing protocol, the per-turn bound, a flood from a waiting sender, two reactors at once,
 * EAGAIN drops, a refused connected peer, a failed
 * connect, the poller thread's lifetime and its not spinning. Not ported: test_reprWithClassicProtocol
 * (Python 2 classic classes).
 */
class UnixDatagramPortTest {
    private final NioReactor reactor = new NioReactor();
    private final List<IUDPTransport> ports = new ArrayList<>();
    private final List<AFUNIXDatagramChannel> peers = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (IUDPTransport port : ports) {
            port.stopListening();
        }
        reactor.iterate(0);
        for (AFUNIXDatagramChannel peer : peers) {
            peer.close();
        }
    }

    /** Records what it hears; answers "hi back" when asked (Twisted's ServerProto). */
    static class Server extends DatagramProtocol {
        final List<String> events = new ArrayList<>();
        final List<byte[]> datagrams = new ArrayList<>();
        final List<IAddress> senders = new ArrayList<>();
        boolean answer;

        @Override
        public void startProtocol() {
            events.add("start");
        }

        @Override
        public void stopProtocol() {
            events.add("stop");
        }

        @Override
        public void datagramReceived(byte[] datagram, IAddress addr) {
            datagrams.add(datagram);
            senders.add(addr);
            if (answer) {
                transport.write(ascii("hi back"), addr);
            }
        }
    }

    /** Twisted's ClientProto: a connected protocol that records its one answer. */
    static class Client extends ConnectedDatagramProtocol {
        final List<String> events = new ArrayList<>();
        final List<byte[]> datagrams = new ArrayList<>();
        Failure failed;
        int refused;

        @Override
        public void startProtocol() {
            events.add("start");
        }

        @Override
        public void stopProtocol() {
            events.add("stop");
        }

        @Override
        public void datagramReceived(byte[] datagram) {
            datagrams.add(datagram);
        }

        @Override
        public void connectionFailed(Failure reason) {
            failed = reason;
        }

        @Override
        public void connectionRefused() {
            refused++;
        }
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private UnixDatagramPort listen(DatagramProtocol protocol, String address) {
        UnixDatagramPort port = (UnixDatagramPort) reactor.listenUNIXDatagram(address, protocol);
        ports.add(port);
        return port;
    }

    private AFUNIXDatagramChannel peer(String bindTo) throws Exception {
        AFUNIXDatagramChannel peer = AFUNIXDatagramChannel.open();
        if (bindTo != null) {
            peer.bind(AFUNIXSocketAddress.of(new File(bindTo)));
        }
        peers.add(peer);
        return peer;
    }

    private static void send(AFUNIXDatagramChannel from, byte[] data, String to) throws Exception {
        from.send(ByteBuffer.wrap(data), UnixDatagramPort.socketAddress(to));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.US_ASCII);
    }

    @Test
    void aConnectedClientAndAServerExchangeDatagrams() {
        String serverPath = path("server.sock");
        String clientPath = path("client.sock");
        Server server = new Server();
        server.answer = true;
        Client client = new Client();
        listen(server, serverPath);
        IUNIXDatagramConnectedTransport connected = reactor.connectUNIXDatagram(serverPath, client, clientPath);
        ports.add(connected);
        assertThat(server.events).containsExactly("start");
        assertThat(client.events).containsExactly("start");

        connected.write(ascii("hi"));
        Loop.until(reactor, () -> client.datagrams.size() == 1);
        assertThat(text(server.datagrams.get(0))).isEqualTo("hi");
        assertThat(server.senders.get(0)).isEqualTo(new UNIXAddress(clientPath));
        assertThat(text(client.datagrams.get(0))).isEqualTo("hi back");
        assertThat(connected.getHost()).isEqualTo(new UNIXAddress(clientPath));
        assertThat(connected.getPeer()).isEqualTo(new UNIXAddress(serverPath));
    }

    @Test
    void listeningOnABoundPathFailsWithCannotListenError() {
        String address = path("taken.sock");
        Server server = new Server();
        listen(server, address);
        assertThatThrownBy(() -> reactor.listenUNIXDatagram(address, new Server()))
                .isInstanceOf(CannotListenError.class);
    }

    @Test
    void theSocketFileGetsTheModeAndStaysAfterStopping() throws Exception {
        String address = path("mode.sock");
        IUNIXDatagramTransport port = reactor.listenUNIXDatagram(address, new Server(), 8192, 0600);
        Loop.result(reactor, port.stopListening());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(address))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> reactor.listenUNIXDatagram(address, new Server()))
                .isInstanceOf(CannotListenError.class);
        Files.delete(Path.of(address));
        listen(new Server(), address);
    }

    @Test
    void theStringNamesTheProtocolClassAndThePathOrThatItIsNotListening() {
        String address = path("repr.sock");
        IUNIXDatagramTransport port = reactor.listenUNIXDatagram(address, new Server());
        String protocolName = Server.class.getName();
        assertThat(port.toString()).isEqualTo("<" + protocolName + " on '" + address + "'>");
        Loop.result(reactor, port.stopListening());
        assertThat(port.toString()).isEqualTo("<" + protocolName + " (not listening)>");
    }

    @Test
    void startProtocolRunsOnListenAndStopProtocolAfterStopListening() {
        Server server = new Server();
        IUNIXDatagramTransport port = reactor.listenUNIXDatagram(path("s.sock"), server);
        assertThat(server.events).containsExactly("start");
        assertThat(server.transport()).isSameAs(port);
        Loop.result(reactor, port.stopListening());
        assertThat(server.events).containsExactly("start", "stop");
    }

    @Test
    void anAbstractNamespaceAddressIsListenedOnAndAnswered() throws Exception {
        String name = "\0jtwisted-" + UUID.randomUUID();
        Server server = new Server();
        server.answer = true;
        UnixDatagramPort port = listen(server, name);
        assertThat(port.getHost()).isEqualTo(new UNIXAddress(name));
        String clientName = "\0jtwisted-client-" + UUID.randomUUID();
        Client client = new Client();
        ports.add(reactor.connectUNIXDatagram(name, client, clientName));
        ((IUNIXDatagramConnectedTransport) client.transport()).write(ascii("abstract"));
        Loop.until(reactor, () -> client.datagrams.size() == 1);
        assertThat(server.senders.get(0)).isEqualTo(new UNIXAddress(clientName));
        assertThat(text(client.datagrams.get(0))).isEqualTo("hi back");
    }

    @Test
    void aDatagramFromAnUnboundSenderArrivesFromTheEmptyAddress() throws Exception {
        String address = path("s.sock");
        Server server = new Server();
        listen(server, address);
        send(peer(null), ascii("x"), address);
        send(peer(path("b.sock")), ascii("y"), address);
        Loop.until(reactor, () -> server.datagrams.size() == 2);
        assertThat(server.datagrams).extracting(UnixDatagramPortTest::text).containsExactly("x", "y");
        assertThat(server.senders).containsExactly(new UNIXAddress(""), new UNIXAddress(path("b.sock")));
    }

    @Test
    void aDatagramAtMaxPacketSizeArrivesAndALongerOneIsDroppedAndLogged() throws Exception {
        String address = path("s.sock");
        Server server = new Server();
        UnixDatagramPort port = (UnixDatagramPort) reactor.listenUNIXDatagram(address, server, 100, 0666);
        ports.add(port);
        AFUNIXDatagramChannel client = peer(null);
        try (CapturedLog log = new CapturedLog()) {
            send(client, new byte[101], address);
            send(client, new byte[100], address);
            Loop.until(reactor, () -> server.datagrams.size() == 1);
            assertThat(server.datagrams.get(0)).hasSize(100);
            assertThat(port.dropCounts()[0]).isEqualTo(1);
            assertThat(log.events)
                    .filteredOn(e -> e.level() == LogLevel.WARN)
                    .extracting(e -> e.message())
                    .anyMatch(m -> m.contains("dropped 1 datagram(s) longer than 100 bytes"));
        }
    }

    @Test
    void aProtocolThatThrowsHasItLoggedAndKeepsReceiving() throws Exception {
        String address = path("s.sock");
        Server server = new Server() {
            @Override
            public void datagramReceived(byte[] datagram, IAddress addr) {
                super.datagramReceived(datagram, addr);
                if (datagrams.size() == 1) {
                    throw new IllegalStateException("bad datagram");
                }
            }
        };
        listen(server, address);
        AFUNIXDatagramChannel client = peer(null);
        try (CapturedLog log = new CapturedLog()) {
            send(client, ascii("one"), address);
            send(client, ascii("two"), address);
            Loop.until(reactor, () -> server.datagrams.size() == 2);
            assertThat(log.events)
                    .filteredOn(e -> e.failure() != null)
                    .extracting(e -> e.failure().getErrorMessage())
                    .containsExactly("bad datagram");
        }
    }

    @Test
    void oneTurnDeliversABoundedNumberOfDatagramsAndTheRestOnTheNext() throws Exception {
        String address = path("s.sock");
        Server server = new Server();
        UnixDatagramPort port = listen(server, address);
        port.maxDatagramsPerTurn = 3;
        AFUNIXDatagramChannel client = peer(null);
        for (int i = 0; i < 8; i++) { // within the kernel's queue of 10 datagrams
            send(client, ascii("d" + i), address);
        }
        Loop.until(reactor, () -> !server.datagrams.isEmpty());
        assertThat(server.datagrams).hasSize(3);
        Loop.until(reactor, () -> server.datagrams.size() == 8);
        assertThat(server.datagrams)
                .extracting(UnixDatagramPortTest::text)
                .containsExactly("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7");
    }

    @Test
    void aReadSocketIsNotReportedAgainUntilAnotherDatagramArrives() throws Exception {
        String address = path("s.sock");
        Server server = new Server();
        UnixDatagramPort port = listen(server, address);
        AFUNIXDatagramChannel client = peer(null);
        send(client, ascii("one"), address);
        Loop.until(reactor, () -> server.datagrams.size() == 1);
        long wakeups = port.wakeups;
        for (int turn = 0; turn < 5; turn++) {
            reactor.iterate(0.02); // a spinning poller would wake the reactor in each of these
        }
        assertThat(port.wakeups).isEqualTo(wakeups);
        send(client, ascii("two"), address);
        Loop.until(reactor, () -> server.datagrams.size() == 2);
        assertThat(port.wakeups).isEqualTo(wakeups + 1);
    }

    @Test
    void aFloodFromAWaitingSenderArrivesWholeAndInOrder() throws Exception {
        String address = path("s.sock");
        Server server = new Server();
        listen(server, address);
        int total = 3000; // hundreds of times the kernel's queue: the sender waits for the reactor to read
        Thread sender = new Thread(
                () -> {
                    try (AFUNIXDatagramChannel flood = AFUNIXDatagramChannel.open()) {
                        for (int i = 0; i < total; i++) {
                            byte[] datagram = new byte[512];
                            ByteBuffer.wrap(datagram).putInt(i);
                            send(flood, datagram, address);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "flood");
        sender.start();
        Loop.until(reactor, () -> server.datagrams.size() == total);
        sender.join();
        for (int i = 0; i < total; i++) {
            assertThat(ByteBuffer.wrap(server.datagrams.get(i)).getInt()).isEqualTo(i);
        }
    }

    @Test
    void twoReactorsEachWithTheirOwnPollerBothReceive() throws Exception {
        NioReactor other = new NioReactor();
        Server first = new Server();
        Server second = new Server();
        listen(first, path("one.sock"));
        IUNIXDatagramTransport otherPort = other.listenUNIXDatagram(path("two.sock"), second);
        try {
            AFUNIXDatagramChannel client = peer(null);
            for (int round = 0; round < 20; round++) {
                send(client, ascii("a" + round), path("one.sock"));
                send(client, ascii("b" + round), path("two.sock"));
                int expected = round + 1;
                Loop.until(reactor, () -> first.datagrams.size() == expected);
                Loop.until(other, () -> second.datagrams.size() == expected);
            }
        } finally {
            Loop.result(other, otherPort.stopListening());
        }
    }

    @Test
    void aDatagramThePeerCannotQueueIsDroppedAndLoggedNotRetried() throws Exception {
        String address = path("s.sock");
        UnixDatagramPort port = listen(new Server(), address);
        AFUNIXDatagramChannel sleeper = peer(path("sleeper.sock")); // never reads
        int total = 40; // more than the kernel queues for one socket (net.unix.max_dgram_qlen, 10 by default)
        try (CapturedLog log = new CapturedLog()) {
            for (int i = 0; i < total; i++) {
                port.write(ascii("d" + i), path("sleeper.sock"));
            }
            long dropped = port.dropCounts()[1];
            assertThat(dropped).isPositive().isLessThan(total);
            assertThat(log.events)
                    .filteredOn(e -> e.level() == LogLevel.WARN)
                    .hasSize(1)
                    .extracting(e -> e.message())
                    .allMatch(m -> m.contains("the socket could not send yet"));
            sleeper.configureBlocking(false);
            ByteBuffer buffer = ByteBuffer.allocate(64);
            int queued = 0;
            while (sleeper.receive(buffer.clear()) != null) {
                queued++;
            }
            assertThat(queued + dropped).isEqualTo(total);
        }
    }

    @Test
    void writingToAHostAndPortOrAnEmptyAddressFailsClearly() {
        UnixDatagramPort port = listen(new Server(), path("s.sock"));
        assertThatThrownBy(() -> port.write(ascii("x"), "127.0.0.1", 9)).isInstanceOf(InvalidAddressError.class);
        assertThatThrownBy(() -> port.write(ascii("x"), new UNIXAddress(""))).isInstanceOf(InvalidAddressError.class);
        assertThatThrownBy(() -> port.write(ascii("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> port.connect("127.0.0.1", 9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void connectingToNothingCallsConnectionFailedAndLeavesThePortStopped() {
        Client client = new Client();
        IUNIXDatagramConnectedTransport port = reactor.connectUNIXDatagram(path("nobody.sock"), client, path("c.sock"));
        assertThat(client.failed).isNotNull();
        assertThat(client.failed.value()).isInstanceOf(ConnectError.class);
        assertThat(client.failed.getErrorMessage()).contains("nobody.sock");
        assertThat(client.events).isEmpty();
        assertThat(reactor.getReaders()).isEmpty();
        Loop.result(reactor, port.stopListening());
    }

    @Test
    void aConnectedPeerThatHasGoneReachesConnectionRefused() {
        String serverPath = path("server.sock");
        IUNIXDatagramTransport server = reactor.listenUNIXDatagram(serverPath, new Server());
        Client client = new Client();
        IUNIXDatagramConnectedTransport connected = reactor.connectUNIXDatagram(serverPath, client, path("c.sock"));
        ports.add(connected);
        Loop.result(reactor, server.stopListening());
        connected.write(ascii("anyone?"));
        assertThat(client.refused).isEqualTo(1);
    }

    @Test
    void theReactorListsThePortAsAReaderAndStopsItAtShutdown() {
        Server server = new Server();
        UnixDatagramPort port = listen(server, path("s.sock"));
        assertThat(reactor.getReaders()).containsExactly(port);
        reactor.removeAll().forEach(d -> d.connectionLost(new Failure(new IllegalStateException("shutdown"))));
        assertThat(server.events).containsExactly("start", "stop");
        assertThat(port.toString()).contains("not listening");
    }

    @Test
    void thePollerThreadRunsOnlyWhilePortsAreOpen() {
        UnixDatagramSupport support = new UnixDatagramSupport(reactor);
        assertThat(support.polling()).isFalse();
        IUNIXDatagramTransport one = support.listenUNIXDatagram(path("one.sock"), new Server(), 8192, 0666);
        ForeignPoller poller = support.poller();
        IUNIXDatagramTransport two = support.listenUNIXDatagram(path("two.sock"), new Server(), 8192, 0666);
        assertThat(support.poller()).isSameAs(poller);
        Loop.result(reactor, one.stopListening());
        assertThat(support.polling()).isTrue();
        Loop.result(reactor, two.stopListening());
        assertThat(support.polling()).isFalse();
        Loop.until(reactor, poller::ended);
    }
}
