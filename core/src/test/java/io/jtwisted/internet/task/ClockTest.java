package io.jtwisted.internet.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.error.AlreadyCalled;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_task.ClockTests}.
 *
 * <p>Covered: testSeconds, testCallLater, testCallLaterCancelled, test_callLaterOrdering,
 * testAdvance, testAdvanceCancel, testCallLaterDelayed, testCallLaterResetLater,
 * testCallLaterResetSooner, test_getDelayedCalls, test_getDelayedCallsEmpty,
 * test_providesIReactorTime, test_callLaterKeepsCallsOrdered,
 * test_callLaterResetKeepsCallsOrdered, test_callLaterResetInsideCallKeepsCallsOrdered.
 * Not ported: nothing. Added: calls due at the same time run in scheduling order; time cannot
 * go backwards; an exception thrown by a call propagates out of advance.
 */
class ClockTest {
    private final Clock clock = new Clock();
    private final List<String> events = new ArrayList<>();

    @Test
    void secondsStartsAtZero() {
        assertThat(clock.seconds()).isEqualTo(0.0);
    }

    @Test
    void callLaterReturnsAnActiveDelayedCallAtTheRightTime() {
        IDelayedCall call = clock.callLater(1, () -> {});
        assertThat(call.getTime()).isEqualTo(1.0);
        assertThat(call.active()).isTrue();
    }

    @Test
    void cancelledCallIsNotActive() {
        IDelayedCall call = clock.callLater(1, () -> {});
        call.cancel();
        assertThat(call.active()).isFalse();
        clock.advance(2);
        assertThat(events).isEmpty();
    }

    @Test
    void eachCallLaterReturnsANewDelayedCall() {
        IDelayedCall call1 = clock.callLater(10, () -> {});
        IDelayedCall call2 = clock.callLater(1, () -> {});
        assertThat(call1).isNotSameAs(call2);
    }

    @Test
    void advanceRunsTheCallsThatBecameDue() {
        IDelayedCall call = clock.callLater(2, () -> events.add("called"));
        clock.advance(1);
        assertThat(events).isEmpty();
        clock.advance(1);
        assertThat(events).containsExactly("called");
        assertThat(call.active()).isFalse();
    }

    @Test
    void cancellingACallFromInsideItselfRaisesAlreadyCalled() {
        IDelayedCall[] call = new IDelayedCall[1];
        List<Throwable> raised = new ArrayList<>();
        call[0] = clock.callLater(1, () -> {
            try {
                call[0].cancel();
            } catch (AlreadyCalled e) {
                raised.add(e);
            }
        });
        clock.advance(1);
        assertThat(raised).hasSize(1);
    }

    @Test
    void delayPostponesTheCall() {
        IDelayedCall call = clock.callLater(1, () -> events.add("called"));
        call.delay(1);
        assertThat(call.getTime()).isEqualTo(2.0);
        clock.advance(1.5);
        assertThat(events).isEmpty();
        clock.advance(1.0);
        assertThat(events).containsExactly("called");
    }

    @Test
    void resetToALaterTime() {
        IDelayedCall call = clock.callLater(2, () -> events.add("called"));
        clock.advance(1);
        call.reset(3);
        assertThat(call.getTime()).isEqualTo(4.0);
        clock.advance(2);
        assertThat(events).isEmpty();
        clock.advance(1);
        assertThat(events).containsExactly("called");
    }

    @Test
    void resetToASoonerTime() {
        IDelayedCall call = clock.callLater(4, () -> events.add("called"));
        call.reset(3);
        assertThat(call.getTime()).isEqualTo(3.0);
        clock.advance(3);
        assertThat(events).containsExactly("called");
    }

    @Test
    void getDelayedCallsListsThePendingCalls() {
        IDelayedCall call = clock.callLater(1, () -> {});
        IDelayedCall call2 = clock.callLater(2, () -> {});
        assertThat(clock.getDelayedCalls()).containsExactlyInAnyOrder(call, call2);
        clock.advance(1);
        assertThat(clock.getDelayedCalls()).containsExactly(call2);
    }

    @Test
    void getDelayedCallsIsEmptyOnANewClock() {
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void clockIsAnIReactorTime() {
        assertThat(clock).isInstanceOf(IReactorTime.class);
    }

    @Test
    void callLaterAfterAResetKeepsTimeOrder() {
        List<String> result = new ArrayList<>();
        IDelayedCall callA = clock.callLater(1.0, () -> result.add("a " + clock.seconds()));
        callA.reset(3.0);
        clock.callLater(2.0, () -> result.add("b " + clock.seconds()));
        clock.pump(1, 1, 1);
        assertThat(result).containsExactly("b 2.0", "a 3.0");
    }

    @Test
    void resetAfterCallLaterKeepsTimeOrder() {
        List<String> result = new ArrayList<>();
        IDelayedCall callA = clock.callLater(1.0, () -> result.add("a " + clock.seconds()));
        clock.callLater(2.0, () -> result.add("b " + clock.seconds()));
        callA.reset(3.0);
        clock.pump(1, 1, 1);
        assertThat(result).containsExactly("b 2.0", "a 3.0");
    }

    @Test
    void resetInsideACallKeepsTimeOrder() {
        List<String> result = new ArrayList<>();
        IDelayedCall callB = clock.callLater(2.0, () -> result.add("b " + clock.seconds()));
        clock.callLater(1.0, () -> callB.reset(3.0));
        clock.callLater(3.0, () -> result.add("c " + clock.seconds()));
        for (int i = 0; i < 10; i++) {
            clock.advance(0.5);
        }
        assertThat(result).containsExactly("c 3.0", "b 4.0");
    }

    @Test
    void callsDueAtTheSameTimeRunInSchedulingOrder() {
        for (int i = 0; i < 5; i++) {
            String name = "call " + i;
            clock.callLater(1, () -> events.add(name));
        }
        clock.advance(1);
        assertThat(events).containsExactly("call 0", "call 1", "call 2", "call 3", "call 4");
    }

    @Test
    void timeCannotGoBackwards() {
        assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.callLater(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExceptionFromACallPropagatesOutOfAdvance() {
        clock.callLater(1, () -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(() -> clock.advance(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }
}
