package io.jtwisted.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.trial.test.test_util: DirtyReactorAggregateErrorTests (test_formatDelayedCall,
 * test_formatSelectables, test_formatDelayedCallsAndSelectables) and JanitorTests
 * (test_cleanPendingSpinsReactor, test_cleanPendingCancelsCalls,
 * test_cleanPendingReturnsDelayedCallStrings, test_cleanReactorRemovesSelectables,
 * test_cleanReactorReturnsSelectableStrings, test_postCaseCleanupNoErrors), run against a real
 * reactor instead of a stub, plus the thread-pool check trial does in _cleanThreads. Not
 * ported: test_cleanReactorKillsProcesses (no process support yet), the post-class cleanup
 * cases (JUnit has no class-level janitor here: every test is checked), RemoveSafelyTests and
 * the other helpers of twisted.trial.util (Python-specific).
 */
class JanitorTest {
    private final Reactor reactor = Reactor.create();

    /** A factory whose name the janitor's description of its port carries. */
    static final class LeftOpenFactory extends Factory {
        int stops;

        LeftOpenFactory() {
            super(() -> new Protocol() {});
        }

        @Override
        public void stopFactory() {
            stops++;
        }
    }

    private Janitor clean() {
        Janitor janitor = new Janitor();
        janitor.settle(reactor);
        janitor.clean(reactor);
        return janitor;
    }

    @Test
    void delayedCallsAreFormattedOnePerLine() {
        assertThat(new DirtyReactorAggregateError(List.of("Foo", "bar"), List.of(), List.of()))
                .hasMessage("Reactor was unclean.\nDelayedCalls:\nFoo\nbar");
    }

    @Test
    void selectablesAreFormattedOnePerLine() {
        assertThat(new DirtyReactorAggregateError(List.of(), List.of("selectable 1", "selectable 2"), List.of()))
                .hasMessage("Reactor was unclean.\nSelectables:\nselectable 1\nselectable 2");
    }

    @Test
    void everyKindOfLeftoverAppearsInOneMessage() {
        assertThat(new DirtyReactorAggregateError(List.of("bleck", "Boozo"), List.of("Sel1", "Sel2"), List.of("T1")))
                .hasMessage(
                        "Reactor was unclean.\nDelayedCalls:\nbleck\nBoozo\nSelectables:\nSel1\nSel2\nThreads:\nT1");
    }

    @Test
    void callsAlreadyDueRunAndAreNotLeftovers() {
        List<String> ran = new ArrayList<>();
        reactor.callLater(0, () -> ran.add("due"));
        reactor.callFromThread(() -> ran.add("from thread"));
        Janitor janitor = clean();
        assertThat(ran).containsExactly("due", "from thread");
        assertThat(janitor.dirty()).isFalse();
    }

    @Test
    void pendingCallsAreCancelledAndDescribedAsBeforeCancellation() {
        IDelayedCall call = reactor.callLater(300, () -> {});
        Janitor janitor = clean();
        assertThat(call.active()).isFalse();
        assertThat(call.toString()).contains("cancelled");
        assertThat(reactor.getDelayedCalls()).isEmpty();
        // Described while still pending: the description says when it was due, not "cancelled".
        assertThat(janitor.delayedCalls)
                .singleElement()
                .asString()
                .contains("from now")
                .doesNotContain("cancelled");
        assertThat(janitor.dirty()).isTrue();
    }

    @Test
    void registeredPortsAreRemovedClosedAndDescribed() {
        LeftOpenFactory factory = new LeftOpenFactory();
        IListeningPort port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        Janitor janitor = clean();
        assertThat(janitor.selectables).singleElement().asString().contains("LeftOpenFactory on");
        assertThat(factory.stops)
                .as("the port was closed, so its factory stopped")
                .isEqualTo(1);
        assertThat(reactor.getReaders()).isEmpty();
        assertThat(port.stopListening().called()).isTrue();
    }

    @Test
    void cleanReactorIsNotDirty() {
        assertThat(clean().dirty()).isFalse();
    }

    @Test
    void threadPoolWorkThatFinishedIsNotALeftover() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        reactor.callInThread(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        // The worker may still be returning from the task: the janitor gives it time to.
        Janitor janitor = clean();
        assertThat(janitor.dirty()).isFalse();
        var pool = reactor.detachThreadPool();
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Test
    void busyThreadPoolIsStoppedAndReported() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        reactor.callInThread(() -> {
            started.countDown();
            never.await();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        var pool = reactor.getThreadPool();
        Janitor janitor = clean();
        assertThat(janitor.threads).singleElement().asString().startsWith("1 thread(s)");
        assertThat(pool.isShutdown()).isTrue();
        assertThat(reactor.detachThreadPool()).as("the busy pool was detached").isNull();
    }
}
