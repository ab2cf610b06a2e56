package io.jtwisted.examples.protocols;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.protocols.basic.NetstringReceiver;

/**
 * Echoes every netstring it receives, with Twisted's default MAX_LENGTH (99999): a malformed or
 * over-long netstring closes the connection. {@code bin/run-example NetstringEchoServer PORT}.
 * Used by the interoperability tests against the real Twisted.
 */
@Example(value = "Netstring echo server (MAX_LENGTH 99999)", usage = "[PORT]", port = 8000)
public class NetstringEchoServer extends NetstringReceiver {
    @Override
    public void stringReceived(byte[] string) {
        sendString(string);
    }

    public static void main(String[] args) {
        IListeningPort port = reactor.listenTCP(Ports.port(args, 8000), Factory.forProtocol(NetstringEchoServer::new));
        System.out.println("Netstring echo server listening on port " + Ports.portOf(port));
        reactor.run();
    }
}
