package io.jtwisted.internet.interfaces;

import static io.jtwisted.internet.interfaces.IReactorCore.SHUTDOWN;
import static io.jtwisted.internet.interfaces.IReactorCore.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorCore.Phase;
import io.jtwisted.internet.testing.MemoryReactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed forms of system event triggers: phases as an enum, the standard events as constants. */
class IReactorCoreTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    @Test
    void phasesAreSpelledAsTwistedSpellsThem() {
        assertThat(Phase.BEFORE.value()).isEqualTo("before");
        assertThat(Phase.of("during")).isEqualTo(Phase.DURING);
        assertThat(STARTUP).isEqualTo("startup");
        assertThat(SHUTDOWN).isEqualTo("shutdown");
    }

    @Test
    void aMisspelledPhaseFailsAtOnce() {
        assertThatThrownBy(() -> Phase.of("bfore"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bfore");
        assertThatThrownBy(() -> Reactor.create().addSystemEventTrigger("bfore", SHUTDOWN, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bfore");
    }

    @Test
    void aTriggerReturningNothingNeedsNoReturnStatement() throws Exception {
        MemoryReactor reactor = new MemoryReactor();
        List<String> ran = new ArrayList<>();
        reactor.addSystemEventTrigger(Phase.DURING, SHUTDOWN, () -> ran.add("during"));
        IReactorCore.SystemEventTrigger recorded =
                reactor.triggers().get("during").get("shutdown").get(0);
        assertThat(recorded.call()).isNull();
        assertThat(ran).containsExactly("during");
    }

    @Test
    void aDeferringTriggerDelaysTheShutdownUntilItsDeferredFires() {
        Deferred<Void> saved = new Deferred<>();
        List<String> events = new ArrayList<>();
        reactor.addSystemEventTriggerDeferring(Phase.BEFORE, SHUTDOWN, () -> {
            events.add("before");
            reactor.callLater(0.01, () -> {
                events.add("saved");
                saved.callback(null);
            });
            return saved;
        });
        reactor.addSystemEventTrigger(Phase.AFTER, SHUTDOWN, () -> events.add("after"));
        reactor.callWhenRunning(reactor::stop);
        reactor.run(false);
        assertThat(events).containsExactly("before", "saved", "after");
    }
}
