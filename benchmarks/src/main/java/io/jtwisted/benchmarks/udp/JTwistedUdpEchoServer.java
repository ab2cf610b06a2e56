package io.jtwisted.benchmarks.udp;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.protocol.DatagramProtocol;

/**
 * The UDP echo server measured by {@link UdpEchoBenchmark}: the howtos' UDP {@code Echo} on
 * JTwisted's reactor, bound to 127.0.0.1. Prints {@code READY <port>}.
 */
public final class JTwistedUdpEchoServer {
    private JTwistedUdpEchoServer() {}

    /** Sends every datagram back to its sender. */
    static final class Echo extends DatagramProtocol {
        Echo() {
            noisy = false;
        }

        @Override
        public void datagramReceived(byte[] data, IAddress addr) {
            transport.write(data, addr);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Reactor reactor = Reactor.reactor;
        IUDPTransport listening = reactor.listenUDP(port, new Echo(), "127.0.0.1", 2048);
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        reactor.run();
    }
}
