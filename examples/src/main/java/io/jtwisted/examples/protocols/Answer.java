package io.jtwisted.examples.protocols;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.protocols.basic.LineReceiver;
import java.util.Map;

/**
 * The howtos' LineReceiver example: answers "Fine" to "How are you?" and "I don't know what you
 * mean" to anything else, one line per line (the delimiter, {@code \r\n}, is not part of the line).
 * {@code bin/run-example Answer [port]} listens on 8000 by default; try {@code telnet localhost 8000}.
 */
@Example(value = "LineReceiver that answers one line per line", usage = "[PORT]", port = 8000)
public class Answer extends LineReceiver {
    private static final String UNKNOWN = "I don't know what you mean";
    private static final Map<String, String> ANSWERS = Map.of("How are you?", "Fine");

    @Override
    public void lineReceived(String line) {
        sendLine(ANSWERS.getOrDefault(line, UNKNOWN));
    }

    public static void main(String[] args) {
        IListeningPort port = reactor.listenTCP(Ports.port(args, 8000), Factory.forProtocol(Answer::new));
        System.out.println("Answer server listening on port " + Ports.portOf(port));
        reactor.run();
    }
}
