package io.jtwisted.examples.udp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.protocol.DatagramProtocol;

/**
 * The howtos' UDP {@code Echo}: every datagram goes back to its sender.
 * {@code bin/run-example UDPEchoServer PORT} (0 lets the system pick one).
 */
@Example(value = "UDP echo: every datagram goes back to its sender", usage = "PORT", port = 9999)
public final class UDPEchoServer {
    private UDPEchoServer() {}

    /** Sends each datagram back where it came from. */
    public static class Echo extends DatagramProtocol {
        @Override
        public void datagramReceived(byte[] data, IAddress addr) {
            transport.write(data, addr);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9999;
        IUDPTransport listening = reactor.listenUDP(port, new Echo());
        System.out.println("UDPEchoServer listening on UDP port " + Ports.portOf(listening.getHost()));
        reactor.run();
    }
}
