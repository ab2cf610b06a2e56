package io.jtwisted.internet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.testing.CoreTestGuard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * System event triggers fired with {@code fireSystemEvent} (no loop needed).
 *
 * <p>Port of twisted/test/test_internet.py ThreePhaseEventTests: test_addBeforeTrigger,
 * test_addDuringTrigger, test_addAfterTrigger (as phasesRunInOrder), test_removeTrigger,
 * test_removeNonexistentTrigger, test_removeRemovedTrigger, test_addInvalidPhase (unknownPhase),
 * test_beforeTriggerException, test_duringTriggerException, test_synchronousRemoveAlreadyExecutedBefore,
 * test_synchronousRemovePendingBefore, test_synchronousBeforeRemovesDuring,
 * test_asynchronousBeforeRemovesDuring, test_synchronousRemovePendingDuring, test_triggersRunOnce,
 * test_finishedBeforeTriggersCleared; and SystemEventTests: test_beforeReturnsDeferred,
 * test_multipleBeforeReturnDeferred, test_subsequentBeforeTriggerFiresPriorBeforeDeferred,
 * test_interactionBetweenDifferentEvents. Not ported: test_removeAlmostValidTrigger (malformed Python
 * tuples cannot exist: handles are opaque objects), the DeprecationWarning of removing an
 * already-run before trigger (silently ignored here), and the "invalid handle" tuple variants.
 */
class SystemEventTest {
    private final Reactor reactor = Reactor.create();
    private final List<String> events = new ArrayList<>();

    private Object add(String phase, String event, String name) {
        return reactor.addSystemEventTrigger(phase, event, () -> events.add(name));
    }

    @Test
    void phasesRunInOrderWhateverTheOrderOfAddition() {
        add("after", "test", "after");
        add("during", "test", "during");
        add("before", "test", "before");
        reactor.fireSystemEvent("test");
        assertThat(events).containsExactly("before", "during", "after");
    }

    @Test
    void unknownPhaseIsRefused() {
        assertThatThrownBy(() -> add("xxx", "test", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removedTriggerDoesNotRunAndCannotBeRemovedTwice() {
        Object handle = add("during", "test", "removed");
        reactor.removeSystemEventTrigger(handle);
        reactor.fireSystemEvent("test");
        assertThat(events).isEmpty();
        assertThatThrownBy(() -> reactor.removeSystemEventTrigger(handle)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reactor.removeSystemEventTrigger("junk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedBeforeDeferredStillLetsTheEventProceed() {
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        reactor.addSystemEventTrigger("before", "test", () -> first);
        reactor.addSystemEventTrigger("before", "test", () -> second);
        add("during", "test", "during");
        reactor.fireSystemEvent("test");
        second.callback(null);
        assertThat(events).isEmpty();
        first.errback(new IllegalStateException("a failed before-trigger Deferred does not block the event"));
        assertThat(events).containsExactly("during");
        assertThat(CoreTestGuard.flushLoggedErrors(IllegalStateException.class))
                .as("the failure is logged")
                .hasSize(1);
    }

    @Test
    void triggerExceptionsAreLoggedAndLaterTriggersRun() {
        try (var log = new ReactorTestSupport.CapturedLog()) {
            reactor.addSystemEventTrigger("before", "test", () -> {
                throw new IllegalStateException("before broke");
            });
            add("before", "test", "before");
            reactor.addSystemEventTrigger("during", "test", () -> {
                throw new IllegalStateException("during broke");
            });
            add("during", "test", "during");
            add("after", "test", "after");
            reactor.fireSystemEvent("test");
            assertThat(events).containsExactly("before", "during", "after");
            assertThat(log.events)
                    .filteredOn(e -> e.failure() != null)
                    .extracting(e -> e.failure().getErrorMessage())
                    .containsExactly("before broke", "during broke");
        }
    }

    @Test
    void removingAnAlreadyRunBeforeTriggerWhileFiringIsHarmless() {
        Object[] first = new Object[1];
        first[0] = add("before", "test", "first");
        reactor.addSystemEventTrigger("before", "test", () -> {
            reactor.removeSystemEventTrigger(first[0]);
            return null;
        });
        reactor.fireSystemEvent("test");
        assertThat(events).containsExactly("first");
    }

    @Test
    void beforeTriggerMayRemoveAPendingBeforeOrDuringTrigger() {
        Object[] handles = new Object[2];
        reactor.addSystemEventTrigger("before", "test", () -> {
            reactor.removeSystemEventTrigger(handles[0]);
            reactor.removeSystemEventTrigger(handles[1]);
            return null;
        });
        handles[0] = add("before", "test", "pending before");
        handles[1] = add("during", "test", "during");
        add("after", "test", "after");
        reactor.fireSystemEvent("test");
        assertThat(events).containsExactly("after");
    }

    @Test
    void duringTriggerRemovedWhileWaitingForABeforeDeferredDoesNotRun() {
        Deferred<Object> beforeResult = new Deferred<>();
        reactor.addSystemEventTrigger("before", "test", () -> beforeResult);
        Object during = add("during", "test", "during");
        add("after", "test", "after");
        reactor.fireSystemEvent("test");
        reactor.removeSystemEventTrigger(during);
        beforeResult.callback(null);
        assertThat(events).containsExactly("after");
    }

    @Test
    void duringTriggerMayRemoveAPendingDuringTrigger() {
        Object[] second = new Object[1];
        reactor.addSystemEventTrigger("during", "test", () -> {
            reactor.removeSystemEventTrigger(second[0]);
            return null;
        });
        second[0] = add("during", "test", "first during");
        add("during", "test", "second during");
        reactor.fireSystemEvent("test");
        assertThat(events).containsExactly("second during");
    }

    @Test
    void triggersRunOncePerAdditionAndAreThenForgotten() {
        add("before", "test", "before");
        add("during", "test", "during");
        add("after", "test", "after");
        reactor.fireSystemEvent("test");
        reactor.fireSystemEvent("test");
        assertThat(events).containsExactly("before", "during", "after");
    }

    @Test
    void beforeDeferredDelaysDuringAndAfter() {
        Deferred<Object> d = new Deferred<>();
        reactor.addSystemEventTrigger("before", "test", () -> d);
        add("during", "test", "during");
        add("after", "test", "after");
        reactor.fireSystemEvent("test");
        assertThat(events).isEmpty();
        d.callback(null);
        assertThat(events).containsExactly("during", "after");
    }

    @Test
    void laterBeforeTriggerFiringAnEarlierDeferredStillWaitsForTheRest() {
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        reactor.addSystemEventTrigger("before", "test", () -> first);
        reactor.addSystemEventTrigger("before", "test", () -> {
            first.callback(null);
            return null;
        });
        reactor.addSystemEventTrigger("before", "test", () -> {
            events.add("before");
            return second;
        });
        add("during", "test", "during");
        reactor.fireSystemEvent("test");
        assertThat(events).containsExactly("before");
        second.callback(null);
        assertThat(events).containsExactly("before", "during");
    }

    @Test
    void differentEventsDoNotWaitForEachOther() {
        Deferred<Object> d = new Deferred<>();
        reactor.addSystemEventTrigger("before", "first", () -> d);
        add("during", "first", "first during");
        add("during", "second", "second during");
        reactor.fireSystemEvent("first");
        reactor.fireSystemEvent("second");
        assertThat(events).containsExactly("second during");
        d.callback(null);
        assertThat(events).containsExactly("second during", "first during");
    }

    @Test
    void sameTriggerAddedTwiceRunsTwiceAndEachAdditionIsRemovedSeparately() {
        io.jtwisted.internet.interfaces.IReactorCore.SystemEventTrigger trigger = () -> events.add("t");
        Object one = reactor.addSystemEventTrigger("during", "test", trigger);
        reactor.addSystemEventTrigger("during", "test", trigger);
        reactor.removeSystemEventTrigger(one);
        reactor.fireSystemEvent("test");
        assertThat(events).containsExactly("t");
    }
}
