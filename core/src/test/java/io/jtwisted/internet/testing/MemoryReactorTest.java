package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MemoryReactor and MemoryReactorClock. From twisted.internet.test.test_testing.ReactorTests:
 * test_memoryReactorProvides (as the interface checks below). The TCP cases
 * (test_connectDestination, test_listenDefaultHost) live in MemoryReactorTcpTest once
 * IReactorTCP exists. Not ported: test_readers/test_writers (no IReactorFDSet in JTwisted:
 * channels are registered with the NIO reactor's internal API, not through a public FD set).
 */
class MemoryReactorTest {
    @Test
    void providesReactorCoreAndTheClockVariantProvidesTime() {
        assertThat(new MemoryReactor()).isInstanceOf(IReactorCore.class);
        assertThat(new MemoryReactorClock()).isInstanceOf(IReactorCore.class).isInstanceOf(IReactorTime.class);
    }

    @Test
    void runCallsTheWhenRunningHooksInOrderThenStops() {
        MemoryReactor reactor = new MemoryReactor();
        List<String> calls = new ArrayList<>();
        reactor.callWhenRunning(() -> calls.add("first:" + reactor.running()));
        reactor.callWhenRunning(() -> calls.add("second"));
        assertThat(calls).isEmpty();
        assertThat(reactor.hasRun()).isFalse();

        reactor.run();
        assertThat(calls).containsExactly("first:true", "second");
        assertThat(reactor.hasRun()).isTrue();
        assertThat(reactor.hasStopped()).isTrue();
        assertThat(reactor.running()).isFalse();
    }

    @Test
    void crashIsRecorded() {
        MemoryReactor reactor = new MemoryReactor();
        reactor.crash();
        assertThat(reactor.hasCrashed()).isTrue();
        assertThat(reactor.running()).isFalse();
    }

    @Test
    void triggersAreRecordedAndFiredPhaseByPhase() throws Exception {
        MemoryReactor reactor = new MemoryReactor();
        List<String> calls = new ArrayList<>();
        reactor.addSystemEventTrigger("after", "shutdown", () -> calls.add("after"));
        reactor.addSystemEventTrigger("during", "shutdown", () -> calls.add("during"));
        Object removed = reactor.addSystemEventTrigger("before", "shutdown", () -> calls.add("removed"));
        reactor.addSystemEventTrigger("before", "shutdown", () -> calls.add("before"));
        reactor.addSystemEventTrigger("before", "startup", () -> calls.add("startup"));
        assertThat(reactor.triggers().get("before").get("shutdown")).hasSize(2);

        reactor.removeSystemEventTrigger(removed);
        reactor.fireSystemEvent("shutdown");
        assertThat(calls).containsExactly("before", "during", "after");
        assertThatThrownBy(() -> reactor.removeSystemEventTrigger(removed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reactor.addSystemEventTrigger("whenever", "shutdown", () -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void memoryReactorClockRunsDelayedCallsOnlyWhenAdvanced() {
        MemoryReactorClock reactor = new MemoryReactorClock();
        List<Double> ran = new ArrayList<>();
        reactor.callLater(2, () -> ran.add(reactor.seconds()));
        assertThat(reactor.getDelayedCalls()).hasSize(1);
        reactor.advance(1);
        assertThat(ran).isEmpty();
        reactor.pump(0.5, 0.5);
        assertThat(ran).containsExactly(2.0);
        assertThat(reactor.getDelayedCalls()).isEmpty();
    }
}
