package io.jtwisted.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.testing.StringTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine of docs/protocols.md does what the chapter says: length, then body, repeatedly. */
class LengthThenBodyTest {
    @Test
    void handsEachLengthPrefixedMessageToTheApplication() {
        List<String> messages = new ArrayList<>();
        LengthThenBody protocol = new LengthThenBody(body -> messages.add(new String(body, StandardCharsets.US_ASCII)));
        protocol.makeConnection(new StringTransport());
        protocol.dataReceived(new byte[] {0, 5, 'h', 'e', 'l'});
        protocol.dataReceived(new byte[] {'l', 'o', 0, 2, 'o', 'k', 0});
        assertThat(messages).containsExactly("hello", "ok");
    }
}
