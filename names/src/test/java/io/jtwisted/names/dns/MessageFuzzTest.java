package io.jtwisted.names.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the message decoder. Without {@code JAZZER_FUZZ} set it replays the committed
 * corpus ({@code MessageFuzzTestInputs/}) as a regression test; with it, Jazzer mutates inputs.
 * The property: any input either decodes or fails with {@link DNSDecodeError} (never another
 * exception, never a hang), and what decodes re-encodes into a message that decodes equal.
 */
class MessageFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void decodeNeverFailsUnexpectedly(byte[] data) {
        Message message;
        try {
            message = Message.fromBytes(data);
        } catch (DNSDecodeError expected) {
            return;
        }
        Message again = Message.fromBytes(message.toBytes());
        assertThat(again.toString()).isEqualTo(message.toString());
        assertThat(again.answers()).isEqualTo(message.answers());
        assertThat(again.additional()).isEqualTo(message.additional());
    }
}
