package io.jtwisted.application.internet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.ReactorTestSupport;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.internet.interfaces.IReactorMulticast;
import io.jtwisted.internet.protocol.DatagramProtocol;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/test/test_application.py's testUDP (a UDPServer answers datagrams over loopback while it
 * runs and closes its socket when it stops) and MulticastServer's argument passing (its multicast itself
 * is the UDP transport's tests' business).
 */
class UDPServicesTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    @Test
    void udpServerAnswersDatagramsWhileRunning() {
        UDPServer server = new UDPServer(
                0,
                new DatagramProtocol() {
                    @Override
                    public void datagramReceived(byte[] data, IAddress address) {
                        transport.write(
                                new String(data, StandardCharsets.US_ASCII)
                                        .toUpperCase(java.util.Locale.ROOT)
                                        .getBytes(StandardCharsets.US_ASCII),
                                address);
                    }
                },
                "127.0.0.1",
                8192);
        server.setReactor(reactor);
        AtomicReference<String> answer = new AtomicReference<>();
        AtomicReference<Throwable> problem = new AtomicReference<>();
        reactor.callWhenRunning(() -> {
            server.startService();
            int port = ((IPAddress) server.port().getHost()).port();
            Thread client = new Thread(() -> {
                try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    socket.setSoTimeout(10_000);
                    byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
                    socket.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
                    DatagramPacket reply = new DatagramPacket(new byte[64], 64);
                    socket.receive(reply);
                    answer.set(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII));
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
        assertThat(answer.get()).isEqualTo("PING");
        assertThat(server.port()).isNull();
    }

    @Test
    void multicastServerPassesItsArgumentsAndStopsListening() {
        List<Object[]> calls = new ArrayList<>();
        IMulticastTransport[] made = {null};
        boolean[] stopped = {false};
        IReactorMulticast reactor = (port, protocol, iface, maxPacketSize, listenMultiple) -> {
            calls.add(new Object[] {port, protocol, iface, maxPacketSize, listenMultiple});
            made[0] = java.lang.reflect.Proxy.newProxyInstance(
                                    IMulticastTransport.class.getClassLoader(),
                                    new Class<?>[] {IMulticastTransport.class},
                                    (proxy, method, args) -> {
                                        if (method.getName().equals("stopListening")) {
                                            stopped[0] = true;
                                            return io.jtwisted.internet.defer.Deferred.succeed(null);
                                        }
                                        throw new UnsupportedOperationException(method.getName());
                                    })
                            instanceof IMulticastTransport t
                    ? t
                    : null;
            return made[0];
        };
        IDatagramProtocol protocol = new DatagramProtocol();
        MulticastServer server = new MulticastServer(8005, protocol, "127.0.0.1", 1024, true);
        server.setReactor(reactor);
        server.privilegedStartService();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly(8005, protocol, "127.0.0.1", 1024, true);
        assertThat(server.port()).isSameAs(made[0]);
        assertThat(server.stopService().called()).isTrue();
        assertThat(stopped[0]).isTrue();
    }
}
