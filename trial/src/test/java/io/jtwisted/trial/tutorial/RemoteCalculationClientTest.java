package io.jtwisted.trial.tutorial;

import static io.jtwisted.trial.Trial.assertNoResult;
import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.StringTransport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unit tests of the calculation client: a StringTransport for the wire, a Clock for time. */
class RemoteCalculationClientTest {
    private Clock clock;
    private StringTransport tr;
    private RemoteCalculationClient proto;

    @BeforeEach
    void setUp() {
        clock = new Clock();
        tr = new StringTransport();
        proto = new RemoteCalculationClient(clock);
        proto.makeConnection(tr);
    }

    @Test
    void addSendsALineAndFiresWithTheAnswer() {
        Deferred<Integer> d = proto.add(3, 8);
        assertThat(tr.valueString()).isEqualTo("add 3 8\r\n");
        assertNoResult(d);

        proto.dataReceived("11\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(successResultOf(d)).isEqualTo(11);
    }

    @Test
    void answersArriveInOrder() {
        Deferred<Integer> sum = proto.add(1, 1);
        Deferred<Integer> product = proto.multiply(3, 3);
        proto.dataReceived("2\r\n9\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(successResultOf(sum)).isEqualTo(2);
        assertThat(successResultOf(product)).isEqualTo(9);
    }

    @Test
    void errorAnswerFailsTheDeferred() {
        Deferred<Integer> d = proto.divide(1, 0);
        proto.dataReceived("error\r\n".getBytes(StandardCharsets.UTF_8));
        failureResultOf(d, ArithmeticException.class);
    }

    @Test
    void noAnswerTimesOutAndClosesTheConnection() {
        Deferred<Integer> d = proto.add(9, 4);
        assertThat(tr.valueString()).isEqualTo("add 9 4\r\n");

        clock.advance(RemoteCalculationClient.TIMEOUT - 1);
        assertNoResult(d);
        assertThat(tr.disconnecting()).isFalse();

        clock.advance(1);
        failureResultOf(d, RemoteCalculationClient.ClientTimeoutError.class);
        assertThat(tr.disconnecting()).isTrue();
    }

    @Test
    void answerCancelsTheTimeout() {
        Deferred<Integer> d = proto.subtract(5, 2);
        proto.dataReceived("3\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(successResultOf(d)).isEqualTo(3);
        assertThat(clock.getDelayedCalls()).isEmpty();
    }
}
