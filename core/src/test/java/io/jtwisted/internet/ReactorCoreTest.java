package io.jtwisted.internet;

import static io.jtwisted.internet.ReactorTestSupport.runUntilStopped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ReactorAlreadyRunning;
import io.jtwisted.internet.error.ReactorNotRestartable;
import io.jtwisted.internet.error.ReactorNotRunning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Running, stopping and crashing a reactor, and its system event triggers.
 *
 * <p>Port of twisted/internet/test/test_core.py (SystemEventTestsBuilder): test_stopWhenNotStarted,
 * test_stopWhenAlreadyStopped, test_callWhenRunningOrder, test_runningForStartupEvents,
 * test_stopShutDownEvents, test_shutdownFiresTriggersAsynchronously, test_multipleRun,
 * test_runWithAsynchronousBeforeStartupTrigger, test_iterate, test_crash, test_runAfterCrash,
 * test_runAfterStop. test_shutdownDisconnectsCleanly is EventLoopTest's
 * {@code shutdownTellsEverySelectableItsConnectionIsLostEvenIfOneFails} (removeAll and
 * connectionLost, as Twisted's disconnectAll); test_signalHandlersInstalledDuringStartup is covered
 * by {@code SignalHandlingTest} (real signals instead of a patched signal.signal). The trigger
 * cases themselves (phases, removal, failing triggers, before-Deferreds) are in SystemEventTest.
 */
class ReactorCoreTest {
    private final Reactor reactor = Reactor.create();

    @Test
    void stopWhenNotStartedRaisesReactorNotRunning() {
        assertThatThrownBy(reactor::stop).isInstanceOf(ReactorNotRunning.class);
    }

    @Test
    void stopWhenAlreadyStoppedRaisesReactorNotRunning() {
        reactor.callWhenRunning(reactor::stop);
        runUntilStopped(reactor);
        assertThatThrownBy(reactor::stop).isInstanceOf(ReactorNotRunning.class);
    }

    @Test
    void stopWhileStoppingRaisesReactorNotRunning() {
        List<Class<?>> raised = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            reactor.stop();
            try {
                reactor.stop();
            } catch (ReactorNotRunning expected) {
                raised.add(expected.getClass());
            }
        });
        runUntilStopped(reactor);
        assertThat(raised).containsExactly(ReactorNotRunning.class);
    }

    @Test
    void callWhenRunningRunsInOrder() {
        List<String> events = new ArrayList<>();
        reactor.callWhenRunning(() -> events.add("first"));
        reactor.callWhenRunning(() -> events.add("second"));
        reactor.callWhenRunning(reactor::stop);
        runUntilStopped(reactor);
        assertThat(events).containsExactly("first", "second");
    }

    @Test
    void callWhenRunningOnARunningReactorRunsAtOnce() {
        List<String> events = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            reactor.callWhenRunning(() -> events.add("inner"));
            events.add("after inner");
            reactor.stop();
        });
        runUntilStopped(reactor);
        assertThat(events).containsExactly("inner", "after inner");
    }

    @Test
    void runningIsFalseBeforeStartupAndTrueDuringAndAfter() {
        Map<String, Boolean> state = new HashMap<>();
        reactor.addSystemEventTrigger("before", "startup", () -> state.put("before", reactor.running()));
        reactor.addSystemEventTrigger("during", "startup", () -> state.put("during", reactor.running()));
        reactor.addSystemEventTrigger("after", "startup", () -> state.put("after", reactor.running()));
        reactor.callWhenRunning(reactor::stop);
        assertThat(state).isEmpty();
        runUntilStopped(reactor);
        assertThat(state).containsExactlyInAnyOrderEntriesOf(Map.of("before", false, "during", true, "after", true));
        assertThat(reactor.running()).isFalse();
    }

    @Test
    void stopFiresTheThreeShutdownPhasesBeforeRunReturns() {
        List<String> events = new ArrayList<>();
        reactor.addSystemEventTrigger("after", "shutdown", () -> events.add("after"));
        reactor.addSystemEventTrigger("during", "shutdown", () -> events.add("during"));
        reactor.addSystemEventTrigger("before", "shutdown", () -> events.add("before"));
        reactor.callWhenRunning(reactor::stop);
        runUntilStopped(reactor);
        assertThat(events).containsExactly("before", "during", "after");
    }

    @Test
    void shutdownTriggersRunAfterStopReturns() {
        List<String> events = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "shutdown", () -> events.add("before shutdown"));
        reactor.callWhenRunning(() -> {
            reactor.stop();
            events.add("stopped");
        });
        assertThat(events).isEmpty();
        runUntilStopped(reactor);
        assertThat(events).containsExactly("stopped", "before shutdown");
    }

    @Test
    void runWhileRunningRaisesReactorAlreadyRunning() {
        List<String> events = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            assertThatThrownBy(reactor::run).isInstanceOf(ReactorAlreadyRunning.class);
            events.add("tested");
        });
        reactor.callWhenRunning(reactor::stop);
        runUntilStopped(reactor);
        assertThat(events).containsExactly("tested");
    }

    @Test
    void asynchronousBeforeStartupTriggerDelaysStartupButTheLoopRuns() {
        List<String> events = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "startup", () -> {
            events.add("trigger");
            Deferred<Object> d = new Deferred<>();
            d.addCallback(ignored -> {
                events.add("callback");
                reactor.stop();
                return null;
            });
            reactor.callLater(0, () -> d.callback(null));
            return d;
        });
        reactor.addSystemEventTrigger("after", "startup", () -> events.add("after startup"));
        runUntilStopped(reactor);
        assertThat(events).containsExactly("trigger", "callback", "after startup");
    }

    @Test
    void iterateWithZeroDelayDoesNotBlock() {
        NioReactor nio = (NioReactor) reactor;
        List<String> ran = new ArrayList<>();
        var distant = reactor.callLater(5, reactor::crash);
        reactor.callLater(0, () -> ran.add("due"));
        long start = System.nanoTime();
        nio.iterate(0);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
        assertThat(ran).containsExactly("due");
        distant.cancel();
    }

    @Test
    void crashStopsWithoutShutdownTriggers() {
        List<String> events = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "shutdown", () -> events.add("before shutdown"));
        reactor.callWhenRunning(() -> reactor.callLater(0, reactor::crash));
        runUntilStopped(reactor);
        assertThat(reactor.running()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void runAfterCrashRestarts() {
        List<String> events = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            events.add("crash");
            reactor.crash();
        });
        runUntilStopped(reactor);
        reactor.callWhenRunning(() -> {
            events.add("stop, running=" + reactor.running());
            reactor.stop();
        });
        runUntilStopped(reactor);
        assertThat(events).containsExactly("crash", "stop, running=true");
    }

    @Test
    void runAfterStopRaisesReactorNotRestartable() {
        reactor.callWhenRunning(reactor::stop);
        runUntilStopped(reactor);
        assertThatThrownBy(reactor::run).isInstanceOf(ReactorNotRestartable.class);
    }
}
