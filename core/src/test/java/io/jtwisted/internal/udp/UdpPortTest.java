package io.jtwisted.internal.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.ReactorTestSupport.CapturedLog;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.InvalidAddressError;
import io.jtwisted.internet.error.MulticastJoinError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.protocol.DatagramProtocol;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.python.failure.Failure;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UDP ports over loopback. Ported from twisted/test/test_udp.py: UDPTests test_oldAddress
 * (getHost), test_startStop, test_rebind (stop then listen again), test_bindError,
 * test_sendPackets (datagrams both ways with the sender's address), test_connectionRefused
 * (connected UDP and ICMP port unreachable), test_badConnect (host names refused),
 * test_NoWarningOnBroadcast / test_setBroadcastAllowed; MulticastTests test_loopback,
 * test_interface, test_joinLeave, test_joinFailure, test_multiListen (two listeners, one group,
 * both receive); and the IPv6 case of twisted/internet/test/test_udp.py (listening on ::1). Not
 * ported: test_readLimit-style rate checks by wall time (the per-turn bound is tested by count
 * instead), ReactorShutdownInteraction (covered by EventLoopTest's shutdown of every
 * selectable), the Windows-only cases. Added: the EAGAIN drop path (Twisted's udp.Port drops a
 * datagram the socket cannot take; it has no test of it), through a sender that answers as a full
 * socket buffer does, since loopback never fills one.
 */
class UdpPortTest {
    private final NioReactor reactor = new NioReactor();
    private final List<IUDPTransport> ports = new ArrayList<>();
    private final List<DatagramChannel> peers = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (IUDPTransport port : ports) {
            port.stopListening();
        }
        reactor.iterate(0);
        for (DatagramChannel peer : peers) {
            peer.close();
        }
    }

    /** Records what it hears; echoes when asked. */
    static class Recorder extends DatagramProtocol {
        final List<String> events = new ArrayList<>();
        final List<byte[]> datagrams = new ArrayList<>();
        final List<IAddress> senders = new ArrayList<>();
        boolean echo;
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
        public void datagramReceived(byte[] datagram, IAddress addr) {
            datagrams.add(datagram);
            senders.add(addr);
            if (echo) {
                transport.write(datagram, addr);
            }
        }

        @Override
        public void connectionRefused() {
            refused++;
        }
    }

    private IUDPTransport listen(DatagramProtocol protocol, String iface) {
        IUDPTransport port = reactor.listenUDP(0, protocol, iface, 8192);
        ports.add(port);
        return port;
    }

    private static int portOf(IUDPTransport port) {
        return port.getHost() instanceof IPv4Address v4 ? v4.port() : ((IPv6Address) port.getHost()).port();
    }

    private DatagramChannel peer(String host) throws Exception {
        DatagramChannel peer = DatagramChannel.open();
        peer.bind(new InetSocketAddress(host, 0));
        peers.add(peer);
        return peer;
    }

    private static void send(DatagramChannel from, byte[] data, String host, int port) throws Exception {
        from.send(ByteBuffer.wrap(data), new InetSocketAddress(host, port));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void getHostIsAUdpAddressWithTheBoundPort() {
        IUDPTransport port = listen(new Recorder(), "127.0.0.1");
        assertThat(port.getHost()).isInstanceOf(IPv4Address.class);
        assertThat(((IPv4Address) port.getHost()).type()).isEqualTo("UDP");
        assertThat(((IPv4Address) port.getHost()).host()).isEqualTo("127.0.0.1");
        assertThat(portOf(port)).isPositive();
    }

    @Test
    void startProtocolRunsOnListenAndStopProtocolAfterStopListening() {
        Recorder protocol = new Recorder();
        IUDPTransport port = reactor.listenUDP(0, protocol, "127.0.0.1", 8192);
        assertThat(protocol.events).containsExactly("start");
        assertThat(protocol.transport()).isSameAs(port);
        Deferred<Void> stopped = port.stopListening();
        assertThat(stopped.called())
                .as("the socket closes on a later turn, as in Twisted")
                .isFalse();
        Loop.result(reactor, stopped);
        assertThat(protocol.events).containsExactly("start", "stop");
        assertThat(protocol.transport()).isNull();
        assertThat(protocol.numPorts()).isZero();
    }

    @Test
    void theSameProtocolCanListenAgainAfterStopping() {
        Recorder protocol = new Recorder();
        IUDPTransport first = reactor.listenUDP(0, protocol, "127.0.0.1", 8192);
        Loop.result(reactor, first.stopListening());
        listen(protocol, "127.0.0.1");
        assertThat(protocol.events).containsExactly("start", "stop", "start");
    }

    @Test
    void bindingABusyPortFailsWithCannotListenError() {
        IUDPTransport port = listen(new Recorder(), "127.0.0.1");
        assertThatThrownBy(() -> reactor.listenUDP(portOf(port), new Recorder(), "127.0.0.1", 8192))
                .isInstanceOf(io.jtwisted.internet.error.CannotListenError.class);
    }

    @Test
    void datagramsArriveWithTheSenderAddressAndEchoBack() throws Exception {
        Recorder server = new Recorder();
        server.echo = true;
        IUDPTransport port = listen(server, "127.0.0.1");
        DatagramChannel client = peer("127.0.0.1");
        send(client, ascii("hello"), "127.0.0.1", portOf(port));
        send(client, ascii("world"), "127.0.0.1", portOf(port));
        Loop.until(reactor, () -> server.datagrams.size() == 2);
        assertThat(server.datagrams)
                .extracting(d -> new String(d, StandardCharsets.US_ASCII))
                .containsExactly("hello", "world");
        int clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
        assertThat(server.senders).containsOnly(new IPv4Address("UDP", "127.0.0.1", clientPort));
        ByteBuffer answer = ByteBuffer.allocate(100);
        client.receive(answer); // blocking: the echo was sent during the loop turn
        assertThat(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII))
                .isEqualTo("hello");
    }

    @Test
    void twoPortsExchangeDatagramsThroughTheirTransports() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        IUDPTransport portA = listen(a, "127.0.0.1");
        IUDPTransport portB = listen(b, "127.0.0.1");
        portA.write(ascii("a to b"), "127.0.0.1", portOf(portB));
        portB.write(ascii("b to a"), portA.getHost());
        Loop.until(reactor, () -> a.datagrams.size() == 1 && b.datagrams.size() == 1);
        assertThat(new String(b.datagrams.get(0), StandardCharsets.US_ASCII)).isEqualTo("a to b");
        assertThat(b.senders.get(0)).isEqualTo(portA.getHost());
        assertThat(new String(a.datagrams.get(0), StandardCharsets.US_ASCII)).isEqualTo("b to a");
    }

    @Test
    void aZeroLengthDatagramIsDelivered() throws Exception {
        Recorder server = new Recorder();
        IUDPTransport port = listen(server, "127.0.0.1");
        send(peer("127.0.0.1"), new byte[0], "127.0.0.1", portOf(port));
        Loop.until(reactor, () -> server.datagrams.size() == 1);
        assertThat(server.datagrams.get(0)).isEmpty();
    }

    @Test
    void aDatagramAtMaxPacketSizeArrivesAndALongerOneIsDroppedAndLogged() throws Exception {
        Recorder server = new Recorder();
        UdpPort port = (UdpPort) reactor.listenUDP(0, server, "127.0.0.1", 100);
        ports.add(port);
        DatagramChannel client = peer("127.0.0.1");
        try (CapturedLog log = new CapturedLog()) {
            send(client, new byte[101], "127.0.0.1", portOf(port));
            send(client, new byte[100], "127.0.0.1", portOf(port));
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
        Recorder server = new Recorder() {
            @Override
            public void datagramReceived(byte[] datagram, IAddress addr) {
                super.datagramReceived(datagram, addr);
                if (datagrams.size() == 1) {
                    throw new IllegalStateException("bad datagram");
                }
            }
        };
        IUDPTransport port = listen(server, "127.0.0.1");
        DatagramChannel client = peer("127.0.0.1");
        try (CapturedLog log = new CapturedLog()) {
            send(client, ascii("one"), "127.0.0.1", portOf(port));
            send(client, ascii("two"), "127.0.0.1", portOf(port));
            Loop.until(reactor, () -> server.datagrams.size() == 2);
            assertThat(log.events)
                    .filteredOn(e -> e.failure() != null)
                    .extracting(e -> e.failure().getErrorMessage())
                    .containsExactly("bad datagram");
        }
    }

    @Test
    void oneReadinessDeliversABoundedNumberOfDatagrams() throws Exception {
        Recorder server = new Recorder();
        IUDPTransport port = listen(server, "127.0.0.1");
        DatagramChannel client = peer("127.0.0.1");
        client.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 1 << 20);
        int total = UdpPort.MAX_DATAGRAMS_PER_TURN + 10; // within the default receive buffer
        for (int i = 0; i < total; i++) {
            send(client, new byte[8], "127.0.0.1", portOf(port));
        }
        reactor.iterate(1);
        assertThat(server.datagrams).hasSize(UdpPort.MAX_DATAGRAMS_PER_TURN);
        Loop.until(reactor, () -> server.datagrams.size() > UdpPort.MAX_DATAGRAMS_PER_TURN);
    }

    @Test
    void aFloodLargerThanTheSocketBufferLosesDatagramsButNothingElse() throws Exception {
        Recorder server = new Recorder();
        IUDPTransport port = listen(server, "127.0.0.1");
        DatagramChannel client = peer("127.0.0.1");
        for (int i = 0; i < 4000; i++) {
            send(client, new byte[1400], "127.0.0.1", portOf(port)); // ~5.6 MB: more than the receive buffer holds
        }
        Loop.until(reactor, () -> !server.datagrams.isEmpty());
        for (int turn = 0; turn < 50; turn++) {
            reactor.iterate(0);
        }
        int afterFlood = server.datagrams.size();
        assertThat(afterFlood).isBetween(1, 4000);
        send(client, ascii("after"), "127.0.0.1", portOf(port));
        Loop.until(reactor, () -> server.datagrams.size() == afterFlood + 1);
        assertThat(new String(server.datagrams.get(afterFlood), StandardCharsets.US_ASCII))
                .isEqualTo("after");
    }

    @Test
    void writeToAHostNameFailsClearly() {
        IUDPTransport port = listen(new Recorder(), "127.0.0.1");
        assertThatThrownBy(() -> port.write(ascii("x"), "localhost", 9))
                .isInstanceOf(InvalidAddressError.class)
                .hasMessageContaining("not hostnames");
    }

    @Test
    void connectToAHostNameFailsClearly() {
        IUDPTransport port = listen(new Recorder(), "127.0.0.1");
        assertThatThrownBy(() -> port.connect("localhost", 9))
                .isInstanceOf(InvalidAddressError.class)
                .hasMessageContaining("not an IPv4 or IPv6 address");
    }

    @Test
    void connectedTransportWritesToItsPeerAndReceivesOnlyFromIt() throws Exception {
        Recorder client = new Recorder();
        IUDPTransport port = listen(client, "127.0.0.1");
        DatagramChannel server = peer("127.0.0.1");
        DatagramChannel stranger = peer("127.0.0.1");
        int serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
        port.connect("127.0.0.1", serverPort);
        port.write(ascii("ping"));
        ByteBuffer got = ByteBuffer.allocate(10);
        InetSocketAddress from = (InetSocketAddress) server.receive(got);
        assertThat(from.getPort()).isEqualTo(portOf(port));
        send(stranger, ascii("intruder"), "127.0.0.1", portOf(port));
        send(server, ascii("pong"), "127.0.0.1", portOf(port));
        Loop.until(reactor, () -> !client.datagrams.isEmpty());
        reactor.iterate(0);
        assertThat(client.datagrams)
                .extracting(d -> new String(d, StandardCharsets.US_ASCII))
                .containsExactly("pong");
        assertThatThrownBy(() -> port.connect("127.0.0.1", serverPort))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reconnecting is not currently supported");
    }

    @Test
    void aRefusedConnectedDatagramReachesConnectionRefused() throws Exception {
        Recorder client = new Recorder();
        IUDPTransport port = listen(client, "127.0.0.1");
        DatagramChannel gone = peer("127.0.0.1");
        int nobody = ((InetSocketAddress) gone.getLocalAddress()).getPort();
        gone.close();
        port.connect("127.0.0.1", nobody);
        port.write(ascii("anyone?"));
        Loop.until(reactor, () -> {
            if (client.refused == 0) {
                port.write(ascii("anyone?")); // the ICMP error is reported on a later send or receive
            }
            return client.refused > 0;
        });
        assertThat(client.refused).isPositive();
    }

    @Test
    @SuppressWarnings("ByteBufferBackingArray") // the port hands over a wrapped array, whole
    void aDatagramTheSocketCannotTakeNowIsDroppedWithOneLogLineAndNeverRetried() throws Exception {
        Recorder server = new Recorder();
        UdpPort port = (UdpPort) reactor.listenUDP(0, server, "127.0.0.1", 8192);
        ports.add(port);
        DatagramChannel peer = peer("127.0.0.1");
        int peerPort = ((InetSocketAddress) peer.getLocalAddress()).getPort();
        // Loopback never fills a UDP send buffer, so the socket's answer is EAGAIN's (0 bytes sent) here.
        List<String> attempts = new ArrayList<>();
        port.sendWith((channel, data, target) -> {
            byte[] bytes = new byte[data.remaining()];
            data.duplicate().get(bytes);
            attempts.add(new String(bytes, StandardCharsets.US_ASCII));
            return 0;
        });
        try (CapturedLog log = new CapturedLog()) {
            port.write(ascii("first"), "127.0.0.1", peerPort);
            port.write(ascii("second"), "127.0.0.1", peerPort);
            reactor.iterate(0);
            assertThat(attempts).containsExactly("first", "second"); // one attempt each, no retry
            assertThat(port.dropCounts()).containsExactly(0, 2);
            assertThat(log.events)
                    .filteredOn(e -> e.level() == LogLevel.WARN)
                    .extracting(e -> e.message())
                    .singleElement()
                    .asString()
                    .contains("dropped 0 datagram(s) longer than 8192 bytes and 1 the socket could not send yet");
        }
        port.sendWith((channel, data, target) -> channel.send(data, target));
        port.write(ascii("third"), "127.0.0.1", peerPort);
        ByteBuffer received = ByteBuffer.allocate(16);
        peer.receive(received);
        assertThat(new String(received.array(), 0, received.position(), StandardCharsets.US_ASCII))
                .isEqualTo("third");
        reactor.iterate(0);
        assertThat(server.datagrams).isEmpty();
    }

    @Test
    void broadcastIsForbiddenUntilAllowed() {
        IUDPTransport port = listen(new Recorder(), "127.0.0.1");
        assertThat(port.getBroadcastAllowed()).isFalse();
        port.setBroadcastAllowed(true);
        assertThat(port.getBroadcastAllowed()).isTrue();
    }

    @Test
    void ipv6DatagramsEchoOnTheLoopback() throws Exception {
        Recorder server = new Recorder();
        server.echo = true;
        IUDPTransport port = listen(server, "::1");
        assertThat(port.getHost()).isInstanceOf(IPv6Address.class);
        assertThat(((IPv6Address) port.getHost()).host()).isEqualTo("::1");
        DatagramChannel client = DatagramChannel.open(java.net.StandardProtocolFamily.INET6);
        peers.add(client);
        client.bind(new InetSocketAddress("::1", 0));
        send(client, ascii("six"), "::1", portOf(port));
        Loop.until(reactor, () -> server.datagrams.size() == 1);
        assertThat(server.senders.get(0)).isInstanceOf(IPv6Address.class);
        ByteBuffer answer = ByteBuffer.allocate(10);
        client.receive(answer);
        assertThat(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII))
                .isEqualTo("six");
    }

    @Test
    void twoListenersInOneGroupBothReceiveADatagram() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        IMulticastTransport one = reactor.listenMulticast(0, first, "", 8192, true);
        ports.add(one);
        IMulticastTransport two = reactor.listenMulticast(portOf(one), second, "", 8192, true);
        ports.add(two);
        Loop.result(reactor, one.joinGroup("228.0.0.5", "127.0.0.1"));
        Loop.result(reactor, two.joinGroup("228.0.0.5", "127.0.0.1"));
        Recorder sender = new Recorder();
        IMulticastTransport out = reactor.listenMulticast(0, sender, "", 8192, false);
        ports.add(out);
        Loop.result(reactor, out.setOutgoingInterface("127.0.0.1"));
        assertThat(out.getOutgoingInterface()).isEqualTo("127.0.0.1");
        out.setTTL(1);
        assertThat(out.getTTL()).isEqualTo(1);
        out.write(ascii("Client: Ping"), "228.0.0.5", portOf(one));
        Loop.until(reactor, () -> first.datagrams.size() == 1 && second.datagrams.size() == 1);
        assertThat(new String(first.datagrams.get(0), StandardCharsets.US_ASCII))
                .isEqualTo("Client: Ping");
    }

    @Test
    void loopbackModeDecidesWhetherTheSenderHearsItself() {
        Recorder self = new Recorder();
        IMulticastTransport port = reactor.listenMulticast(0, self, "", 8192, true);
        ports.add(port);
        Loop.result(reactor, port.setOutgoingInterface("127.0.0.1"));
        Loop.result(reactor, port.joinGroup("228.0.0.5", "127.0.0.1"));
        assertThat(port.getLoopbackMode()).isTrue();
        port.write(ascii("echo?"), "228.0.0.5", portOf(port));
        Loop.until(reactor, () -> self.datagrams.size() == 1);
        port.setLoopbackMode(false);
        assertThat(port.getLoopbackMode()).isFalse();
    }

    @Test
    void leavingAGroupStopsDeliveryAndJoiningANonGroupFails() {
        Recorder member = new Recorder();
        IMulticastTransport port = reactor.listenMulticast(0, member, "", 8192, true);
        ports.add(port);
        Loop.result(reactor, port.joinGroup("228.0.0.5", "127.0.0.1"));
        Loop.result(reactor, port.leaveGroup("228.0.0.5", "127.0.0.1"));
        Failure notMember = Loop.failure(reactor, port.leaveGroup("228.0.0.5", "127.0.0.1"));
        assertThat(notMember.value()).isInstanceOf(MulticastJoinError.class);
        Failure bad = Loop.failure(reactor, port.joinGroup("127.0.0.1", "127.0.0.1"));
        assertThat(bad.value()).isInstanceOf(MulticastJoinError.class);
    }
}
