package io.jtwisted.internet.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parts of {@code twisted.test.test_task} that need a real reactor.
 *
 * <p>Covered: LoopTests.test_defaultClock (the global reactor is the default clock; it is only
 * looked at, never run, here), and ReactorLoopTests.testEveryIteration on a real reactor made by
 * {@link Reactor#create()}, as Twisted runs it.
 */
class LoopingCallReactorTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    @Test
    void theDefaultClockIsTheGlobalReactor() {
        LoopingCall call = new LoopingCall(() -> {});
        assertThat(call.clock()).isSameAs(Reactor.reactor);
    }

    @Test
    @Timeout(10)
    void intervalZeroRunsEveryIterationOnARealReactor() {
        List<String> ran = new ArrayList<>();
        LoopingCall[] lc = new LoopingCall[1];
        lc[0] = new LoopingCall(() -> {
            ran.add("ran");
            if (ran.size() > 5) {
                lc[0].stop();
            }
        });
        lc[0].setClock(reactor);
        int code = Task.reactForExitCode(reactor, r -> {
            Deferred<LoopingCall> d = lc[0].start(0);
            return d;
        });
        assertThat(code).isEqualTo(0);
        assertThat(ran).hasSize(6);
    }
}
