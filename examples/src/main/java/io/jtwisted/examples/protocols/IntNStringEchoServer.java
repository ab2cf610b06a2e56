package io.jtwisted.examples.protocols;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.protocols.basic.Int16StringReceiver;
import io.jtwisted.protocols.basic.Int32StringReceiver;
import io.jtwisted.protocols.basic.Int8StringReceiver;
import java.util.function.Supplier;

/**
 * Echoes every length-prefixed string it receives, with N-byte big-endian prefixes (N = 1, 2 or 4)
 * and Twisted's default MAX_LENGTH (99999): a longer announced length closes the connection.
 * {@code bin/run-example IntNStringEchoServer PORT N}. Used by the interoperability tests against
 * the real Twisted.
 */
@Example(value = "Length-prefixed string echo server, N-byte prefixes (N = 1, 2 or 4)", usage = "PORT N")
public final class IntNStringEchoServer {
    private IntNStringEchoServer() {}

    /** Echoes Int8 strings. */
    public static class Int8Echo extends Int8StringReceiver {
        @Override
        public void stringReceived(byte[] string) {
            sendString(string);
        }
    }

    /** Echoes Int16 strings. */
    public static class Int16Echo extends Int16StringReceiver {
        @Override
        public void stringReceived(byte[] string) {
            sendString(string);
        }
    }

    /** Echoes Int32 strings. */
    public static class Int32Echo extends Int32StringReceiver {
        @Override
        public void stringReceived(byte[] string) {
            sendString(string);
        }
    }

    /** The echo protocol for {@code n}-byte prefixes. */
    public static Supplier<? extends Protocol> echoFor(int n) {
        return switch (n) {
            case 1 -> Int8Echo::new;
            case 2 -> Int16Echo::new;
            case 4 -> Int32Echo::new;
            default -> throw new IllegalArgumentException("N must be 1, 2 or 4, not " + n);
        };
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("needs a PORT and N, the prefix size (1, 2 or 4)");
        }
        int n = Integer.parseInt(args[1]);
        IListeningPort port = reactor.listenTCP(Ports.port(args, 8000), Factory.forProtocol(echoFor(n)));
        System.out.println("Int" + (8 * n) + " string echo server listening on port " + Ports.portOf(port));
        reactor.run();
    }
}
