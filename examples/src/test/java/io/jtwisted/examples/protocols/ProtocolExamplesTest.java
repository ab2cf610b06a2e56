package io.jtwisted.examples.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.protocols.ChatServer.Chat;
import io.jtwisted.examples.protocols.ChatServer.ChatFactory;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The protocol examples' behaviour on in-memory transports; {@link ProtocolExamplesOverTcpTest} runs them for real. */
class ProtocolExamplesTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static StringTransport connect(IProtocol protocol) {
        StringTransport transport = new StringTransport();
        protocol.makeConnection(transport);
        return transport;
    }

    @Test
    void answerKnowsOneQuestion() {
        Answer answer = new Answer();
        StringTransport t = connect(answer);
        answer.dataReceived(b("How are you?\r\nWhat time is it?\r\nHow are"));
        answer.dataReceived(b(" you?\r\n"));
        assertThat(t.valueString()).isEqualTo("Fine\r\nI don't know what you mean\r\nFine\r\n");
    }

    @Test
    void chatAsksForANameRefusesTakenOnesAndBroadcastsToTheOthers() {
        ChatFactory factory = new ChatFactory();
        Chat alice = (Chat) factory.buildProtocol(null);
        Chat bob = (Chat) factory.buildProtocol(null);
        Chat carol = (Chat) factory.buildProtocol(null);
        StringTransport ta = connect(alice);
        StringTransport tb = connect(bob);
        StringTransport tc = connect(carol);
        assertThat(ta.valueString()).isEqualTo("What's your name?\r\n");

        alice.dataReceived(b("alice\r\n"));
        bob.dataReceived(b("alice\r\nbob\r\n"));
        carol.dataReceived(b("carol\r\n"));
        assertThat(ta.valueString()).isEqualTo("What's your name?\r\nWelcome, alice!\r\n");
        assertThat(tb.valueString())
                .isEqualTo("What's your name?\r\nName taken, please choose another.\r\nWelcome, bob!\r\n");
        ta.clear();
        tb.clear();
        tc.clear();

        bob.dataReceived(b("hi all\r\n"));
        assertThat(ta.valueString()).isEqualTo("<bob> hi all\r\n");
        assertThat(tb.valueString()).isEmpty();
        assertThat(tc.valueString()).isEqualTo("<bob> hi all\r\n");

        bob.connectionLost(new Failure(new ConnectionDone()));
        assertThat(factory.names()).containsExactly("alice", "carol");
    }

    @Test
    void netstringEchoServerEchoesAndClosesOnMalformedInput() {
        NetstringEchoServer server = new NetstringEchoServer();
        StringTransport t = connect(server);
        server.dataReceived(b("0:,5:hello,3:ab"));
        server.dataReceived(b("c,"));
        assertThat(t.valueString()).isEqualTo("0:,5:hello,3:abc,");
        server.dataReceived(b("100000:"));
        assertThat(t.disconnecting()).isTrue();
    }

    @Test
    void intNStringEchoServersEchoWithTheirPrefixWidth() {
        for (int n : new int[] {1, 2, 4}) {
            Protocol server = IntNStringEchoServer.echoFor(n).get();
            StringTransport t = connect(server);
            byte[] message = new byte[n + 3];
            message[n - 1] = 3;
            message[n] = 'a';
            message[n + 1] = 'b';
            message[n + 2] = 'c';
            server.dataReceived(message);
            assertThat(t.value()).as("N=%d", n).isEqualTo(message);
        }
    }

    @Test
    void statefulEchoServerFramesAndShoutsWhateverTheSegmentation() {
        byte[] input = {0, 5, 'h', 'e', 'l', 'l', 'o', 0, 0, 0, 3, 'a', '1', 'b'};
        byte[] expected = {0, 5, 'H', 'E', 'L', 'L', 'O', 0, 0, 0, 3, 'A', '1', 'B'};
        for (int size = 1; size <= input.length; size++) {
            StatefulEchoServer server = new StatefulEchoServer(StatefulEchoServer::shout);
            StringTransport t = connect(server);
            for (int from = 0; from < input.length; from += size) {
                server.dataReceived(java.util.Arrays.copyOfRange(input, from, Math.min(input.length, from + size)));
            }
            assertThat(t.value()).as("chunks of %d", size).isEqualTo(expected);
        }
    }
}
