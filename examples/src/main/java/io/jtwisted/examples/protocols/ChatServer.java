package io.jtwisted.examples.protocols;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.protocols.basic.LineReceiver;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' chat server (chat.py): a two-state machine on a {@link LineReceiver}. A new client is
 * asked "What's your name?"; a taken name gets "Name taken, please choose another.", a free one
 * "Welcome, name!"; after that every line is sent to the other users as {@code <name> message}.
 * Each line received is printed. {@code bin/run-example ChatServer [port]} (8123 by default).
 */
@Example(value = "Chat server: a two-state machine on a LineReceiver", usage = "[PORT]", port = 8123)
public final class ChatServer {
    private ChatServer() {}

    /** One chat connection: state GETNAME until a free name is given, then CHAT. */
    public static class Chat extends LineReceiver {
        private final Map<String, Chat> users;
        private @Nullable String name; // null until the client has chosen a free name
        private String state = "GETNAME";

        public Chat(Map<String, Chat> users) {
            this.users = users;
        }

        @Override
        public void connectionMade() {
            sendLine("What's your name?");
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            if (name != null && users.get(name) == this) {
                users.remove(name);
            }
        }

        @Override
        public void lineReceived(byte[] line) {
            String text = new String(line, StandardCharsets.UTF_8);
            System.out.println(text);
            if (state.equals("GETNAME")) {
                handleGetName(text);
            } else {
                handleChat(text);
            }
        }

        private void handleGetName(String name) {
            if (users.containsKey(name)) {
                sendLine("Name taken, please choose another.");
                return;
            }
            sendLine(String.format("Welcome, %s!", name));
            this.name = name;
            users.put(name, this);
            state = "CHAT";
        }

        private void handleChat(String message) {
            byte[] out = String.format("<%s> %s", name, message).getBytes(StandardCharsets.UTF_8);
            for (Chat protocol : users.values()) {
                if (protocol != this) {
                    protocol.sendLine(out);
                }
            }
        }
    }

    /** Holds the users of every connection, in the order they joined. */
    public static class ChatFactory extends Factory {
        private final Map<String, Chat> users = new LinkedHashMap<>();

        @Override
        public IProtocol buildProtocol(IAddress address) {
            return new Chat(users);
        }

        /** The names in use. */
        public java.util.Set<String> names() {
            return java.util.Collections.unmodifiableSet(users.keySet());
        }
    }

    public static void main(String[] args) {
        IListeningPort port = reactor.listenTCP(Ports.port(args, 8123), new ChatFactory());
        System.out.println("Chat server listening on port " + Ports.portOf(port));
        reactor.run();
    }
}
