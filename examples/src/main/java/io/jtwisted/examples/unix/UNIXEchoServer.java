package io.jtwisted.examples.unix;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;

/**
 * The echo server on a UNIX-domain socket: the same protocol as over TCP, another port type.
 * The socket file is removed when the server stops. {@code bin/run-example UNIXEchoServer PATH}.
 */
@Example(value = "Echo server on a UNIX-domain socket file", usage = "PATH")
public final class UNIXEchoServer {
    private UNIXEchoServer() {}

    /** Writes back whatever it receives. */
    public static class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("PATH is required");
        }
        reactor.listenUNIX(args[0], Factory.forProtocol(Echo::new));
        System.out.println("UNIXEchoServer listening on " + args[0]);
        reactor.run();
    }
}
