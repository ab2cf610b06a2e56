package io.jtwisted.benchmarks.echo;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;

/**
 * The echo server measured by {@link EchoBenchmark}: the howtos' {@code Echo} protocol on
 * JTwisted's reactor, with TCP_NODELAY set as Netty sets it by default. Prints
 * {@code READY <port>} once listening on 127.0.0.1.
 */
public final class JTwistedEchoServer {
    private JTwistedEchoServer() {
    }

    /** Writes back whatever it receives. */
    static final class Echo extends Protocol {
        @Override
        public void connectionMade() {
            ((ITCPTransport) transport).setTcpNoDelay(true);
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Reactor reactor = Reactor.reactor;
        IListeningPort listening = reactor.listenTCP(port, Factory.forProtocol(Echo::new), 1024, "127.0.0.1");
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        reactor.run();
    }
}
