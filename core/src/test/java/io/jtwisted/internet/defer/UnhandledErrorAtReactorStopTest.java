package io.jtwisted.internet.defer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.ReactorTestSupport;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.testing.CoreTestGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure left at the end of a chain is reported, with Twisted's text, at the latest when the
 * reactor stops, even while its Deferred is still referenced (and so never collected).
 */
class UnhandledErrorAtReactorStopTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    static final class LeftUnhandled extends RuntimeException {
        LeftUnhandled() {
            super("left unhandled while the reactor ran");
        }
    }

    @Test
    void aStillReferencedUnhandledFailureIsReportedWhenTheReactorStops() {
        Deferred<Void> kept = new Deferred<>();
        reactor.callWhenRunning(() -> {
            kept.errback(new LeftUnhandled());
            reactor.stop();
        });
        ReactorTestSupport.runUntilStopped(reactor);
        List<Failure> reported = CoreTestGuard.flushLoggedErrors(LeftUnhandled.class);
        assertThat(reported)
                .singleElement()
                .satisfies(f -> assertThat(f.value()).isInstanceOf(LeftUnhandled.class));
        assertThat(kept.called()).isTrue();
    }
}
