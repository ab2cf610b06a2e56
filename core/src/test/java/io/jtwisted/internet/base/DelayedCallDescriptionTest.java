package io.jtwisted.internet.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.task.Clock;
import org.junit.jupiter.api.Test;

/** A pending delayed call names what left it: the class that wrote its lambda and what it captured. */
class DelayedCallDescriptionTest {
    static final class IdleTimeoutProtocol {
        void timeoutConnection() {}
    }

    @Test
    void aMethodReferenceIsNamedByItsHostAndTheObjectItWillCall() {
        Clock clock = new Clock();
        IdleTimeoutProtocol protocol = new IdleTimeoutProtocol();
        IDelayedCall call = clock.callLater(2, protocol::timeoutConnection);
        assertThat(call.toString())
                .startsWith("<DelayedCall lambda in DelayedCallDescriptionTest, capturing IdleTimeoutProtocol@"
                        + Integer.toHexString(System.identityHashCode(protocol)))
                .endsWith("2.000s from now>");
        call.cancel();
        assertThat(call.toString()).endsWith(" cancelled>");
    }

    @Test
    void capturedTextAndNumbersAreShownAsThemselves() {
        Clock clock = new Clock();
        String greeting = "hello";
        int times = 3;
        IDelayedCall call = clock.callLater(1, () -> System.out.print(greeting.repeat(times)));
        assertThat(call.toString()).contains("lambda in DelayedCallDescriptionTest, capturing hello, 3");
        call.cancel();
    }

    @Test
    void aNamedClassKeepsItsOwnToString() {
        Clock clock = new Clock();
        IDelayedCall call = clock.callLater(1, new io.jtwisted.python.failure.ThrowingRunnable() {
            @Override
            public void run() {}

            @Override
            public String toString() {
                return "flush the log";
            }
        });
        assertThat(call.toString()).startsWith("<DelayedCall flush the log ");
        call.cancel();
    }
}
