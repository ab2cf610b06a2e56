package io.jtwisted.internet;

import static io.jtwisted.internet.ReactorTestSupport.runUntilStopped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.interfaces.IDelayedCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IReactorTime on a real reactor.
 *
 * <p>Port of twisted/internet/test/test_time.py: test_delayedCallStopsReactor,
 * test_distantDelayedCall. Not ported: test_timeout_add (GLib reactor only). Also from
 * twisted/test/test_internet.py's TimeTestCase: test_seconds, test_callLaterUsesReactorSecondsInDelayedCall,
 * test_cancelDelayedCall, test_cancelCancelledDelayedCall, test_cancelCalledDelayedCallSynchronous,
 * test_delayedCallReset/Delay (as resetAndDelay...), test_getDelayedCalls, test_negativeDelay (the
 * rest of that class is in {@code io.jtwisted.internal.loop.EventLoopTest}).
 */
class ReactorTimeTest {
    private final Reactor reactor = Reactor.create();

    @Test
    void delayedCallStopsReactor() {
        reactor.callLater(0, reactor::stop);
        runUntilStopped(reactor);
        assertThat(reactor.running()).isFalse();
    }

    @Test
    void distantDelayedCallDoesNotPreventNormalOperation() {
        IDelayedCall distant = reactor.callLater(Math.pow(2, 128) + 1, () -> {});
        reactor.callFromThread(() -> reactor.callFromThread(reactor::stop));
        runUntilStopped(reactor);
        assertThat(distant.active()).isTrue();
        distant.cancel(); // the call was kept only to show it does not block the loop
    }

    @Test
    void secondsIsTheWallClockTime() {
        double before = System.currentTimeMillis() / 1000.0;
        double seconds = reactor.seconds();
        double after = System.currentTimeMillis() / 1000.0;
        assertThat(seconds).isBetween(before - 0.1, after + 0.1);
    }

    @Test
    void delayedCallTimeIsReactorSecondsPlusDelay() {
        double before = reactor.seconds();
        IDelayedCall call = reactor.callLater(3.5, () -> {});
        double after = reactor.seconds();
        assertThat(call.getTime()).isBetween(before + 3.5, after + 3.5);
        call.cancel();
    }

    @Test
    void cancelFromWithinAnotherCallOfTheSameTurnStopsIt() {
        List<String> ran = new ArrayList<>();
        IDelayedCall[] second = new IDelayedCall[1];
        reactor.callLater(0, () -> {
            ran.add("first");
            second[0].cancel();
        });
        second[0] = reactor.callLater(0, () -> ran.add("second"));
        reactor.callLater(0.01, reactor::stop);
        runUntilStopped(reactor);
        assertThat(ran).containsExactly("first");
    }

    @Test
    void cancellingAfterTheCallRanRaisesAlreadyCalledEvenInsideIt() {
        List<Throwable> raised = new ArrayList<>();
        IDelayedCall[] self = new IDelayedCall[1];
        self[0] = reactor.callLater(0, () -> {
            try {
                self[0].cancel();
            } catch (RuntimeException e) {
                raised.add(e);
            }
            reactor.stop();
        });
        runUntilStopped(reactor);
        assertThat(raised).singleElement().isInstanceOf(io.jtwisted.internet.error.AlreadyCalled.class);
    }

    @Test
    void getDelayedCallsListsTheActiveCalls() {
        IDelayedCall a = reactor.callLater(1, () -> {});
        IDelayedCall b = reactor.callLater(2, () -> {});
        IDelayedCall c = reactor.callLater(3, () -> {});
        b.cancel();
        assertThat(reactor.getDelayedCalls()).containsExactlyInAnyOrder(a, c);
        a.cancel();
        c.cancel();
        assertThat(reactor.getDelayedCalls()).isEmpty();
    }

    @Test
    void negativeOrNaNDelayIsRefused() {
        assertThatThrownBy(() -> reactor.callLater(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reactor.callLater(Double.NaN, () -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callLaterFromAnotherThreadIsScheduledOnTheReactor() {
        List<String> ran = new ArrayList<>();
        reactor.callWhenRunning(() -> new Thread(() -> reactor.callLater(0.01, () -> {
                    ran.add("from thread, on " + (reactor.isInIOThread() ? "reactor" : "other"));
                    reactor.stop();
                }))
                .start());
        runUntilStopped(reactor);
        assertThat(ran).containsExactly("from thread, on reactor");
    }
}
