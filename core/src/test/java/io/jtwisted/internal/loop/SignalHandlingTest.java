package io.jtwisted.internal.loop;

import static io.jtwisted.internet.ReactorTestSupport.runUntilStopped;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIGINT and SIGTERM stop a reactor run with signal handlers, running its shutdown triggers.
 * The signals are real: the test raises them in its own JVM while the handlers are installed.
 *
 * <p>Covers twisted/internet/test/test_core.py test_signalHandlersInstalledDuringStartup (handlers
 * are in place for "after startup" triggers, and removed when run returns) and the sigInt/sigTerm
 * behaviour of twisted/internet/base.py.
 */
class SignalHandlingTest {
    @Test
    void sigintStopsTheReactorCleanly() {
        assertSignalStopsCleanly("INT");
    }

    @Test
    void sigtermStopsTheReactorCleanly() {
        assertSignalStopsCleanly("TERM");
    }

    private static void assertSignalStopsCleanly(String signal) {
        EventLoop reactor = (EventLoop) io.jtwisted.internet.Reactor.create();
        List<String> events = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "shutdown", () -> events.add("before shutdown"));
        reactor.addSystemEventTrigger("after", "shutdown", () -> events.add("after shutdown"));
        reactor.addSystemEventTrigger("after", "startup", () -> {
            events.add("handlers installed: " + reactor.signalHandlingInstalled());
            io.jtwisted.internet.Signals.raise(signal);
            return null;
        });
        runWithSignals(reactor);
        assertThat(events).containsExactly("handlers installed: true", "before shutdown", "after shutdown");
        assertThat(reactor.signalHandlingInstalled()).isFalse();
    }

    private static void runWithSignals(EventLoop reactor) {
        boolean[] timedOut = {false};
        var guard = reactor.callLater(10, () -> {
            timedOut[0] = true;
            reactor.crash();
        });
        reactor.run(true);
        assertThat(timedOut[0]).isFalse();
        if (guard.active()) {
            guard.cancel();
        }
    }

    @Test
    void withoutSignalHandlingNothingIsInstalled() {
        EventLoop reactor = (EventLoop) io.jtwisted.internet.Reactor.create();
        List<Boolean> installed = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            installed.add(reactor.signalHandlingInstalled());
            reactor.stop();
        });
        runUntilStopped((io.jtwisted.internet.Reactor) reactor);
        assertThat(installed).containsExactly(false);
    }
}
