package io.jtwisted.examples.unix;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.protocol.DatagramProtocol;

/**
 * The UDP howto's echo on a UNIX-domain datagram socket: the very protocol of {@code
 * UDPEchoServer}, another port type. Every datagram goes back to the socket it came from (a sender
 * must be bound to a path to get its answer). As in Twisted, the socket file stays when the server
 * stops. {@code bin/run-example UNIXDatagramEchoServer PATH}.
 */
@Example(value = "Echo server on a UNIX-domain datagram socket file", usage = "PATH")
public final class UNIXDatagramEchoServer {
    private UNIXDatagramEchoServer() {}

    /** Sends every datagram back to its sender. */
    public static class Echo extends DatagramProtocol {
        @Override
        public void datagramReceived(byte[] datagram, IAddress addr) {
            System.out.println("received " + datagram.length + " bytes from " + addr);
            transport.write(datagram, addr);
        }
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("PATH is required");
        }
        reactor.listenUNIXDatagram(args[0], new Echo());
        System.out.println("UNIXDatagramEchoServer listening on " + args[0]);
        reactor.run();
    }
}
