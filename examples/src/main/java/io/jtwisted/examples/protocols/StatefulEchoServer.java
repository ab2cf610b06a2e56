package io.jtwisted.examples.protocols;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.protocols.basic.StatefulProtocol;
import java.util.function.UnaryOperator;

/**
 * The howtos' state-machine advice in code: a small machine that only knows the framing (a 2-byte
 * big-endian length, then that many bytes, as Int16StringReceiver) and hands each message to the
 * application through one method call, {@link #messageReceived}. The application here upper-cases
 * ASCII letters and sends the message back in the same framing.
 * {@code bin/run-example StatefulEchoServer [port]} (8000 by default).
 */
@Example(value = "State machine over a length-prefixed framing", usage = "[PORT]", port = 8000)
public class StatefulEchoServer extends StatefulProtocol {
    private final UnaryOperator<byte[]> application;

    public StatefulEchoServer(UnaryOperator<byte[]> application) {
        this.application = application;
    }

    @Override
    protected State getInitialState() {
        return new State(this::length, 2);
    }

    private State length(byte[] prefix) {
        int length = ((prefix[0] & 0xFF) << 8) | (prefix[1] & 0xFF);
        return new State(this::body, length);
    }

    private State body(byte[] body) {
        messageReceived(body);
        return getInitialState();
    }

    /** One complete message: the only place the protocol calls into the application. */
    protected void messageReceived(byte[] message) {
        byte[] reply = application.apply(message);
        byte[] out = new byte[2 + reply.length];
        out[0] = (byte) (reply.length >>> 8);
        out[1] = (byte) reply.length;
        System.arraycopy(reply, 0, out, 2, reply.length);
        transport.write(out);
    }

    /** The application: ASCII letters upper-cased. */
    static byte[] shout(byte[] message) {
        byte[] out = message.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'a' && out[i] <= 'z') {
                out[i] = (byte) (out[i] - 32);
            }
        }
        return out;
    }

    public static void main(String[] args) {
        IListeningPort port = reactor.listenTCP(
                Ports.port(args, 8000), Factory.forProtocol(() -> new StatefulEchoServer(StatefulEchoServer::shout)));
        System.out.println("Stateful echo server listening on port " + Ports.portOf(port));
        reactor.run();
    }
}
