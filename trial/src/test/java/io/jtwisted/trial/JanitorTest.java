package io.jtwisted.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.IoHandler;
import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IDelayedCall;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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
    private final NioReactor reactor = (NioReactor) Reactor.create();
    private final List<ServerSocketChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() throws Exception {
        for (ServerSocketChannel channel : channels) {
            channel.close();
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
                .hasMessage("Reactor was unclean.\nDelayedCalls:\nbleck\nBoozo\nSelectables:\nSel1\nSel2\nThreads:\nT1");
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
        IDelayedCall call = reactor.callLater(300, () -> { });
        Janitor janitor = clean();
        assertThat(call.active()).isFalse();
        assertThat(call.toString()).contains("cancelled");
        assertThat(reactor.getDelayedCalls()).isEmpty();
        // Described while still pending: the description says when it was due, not "cancelled".
        assertThat(janitor.delayedCalls).singleElement().asString().contains("from now").doesNotContain("cancelled");
        assertThat(janitor.dirty()).isTrue();
    }

    @Test
    void registeredChannelsAreClosedAndDescribed() throws Exception {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channels.add(channel);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        reactor.register(channel, SelectionKey.OP_ACCEPT, new IoHandler() {
            @Override
            public void handleIo(SelectionKey key) {
            }

            @Override
            public String toString() {
                return "(SELECTABLE!)";
            }
        });
        Janitor janitor = clean();
        assertThat(janitor.selectables).containsExactly("(SELECTABLE!)");
        assertThat(channel.isOpen()).isFalse();
        assertThat(reactor.registeredKeys()).isEmpty();
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
        var pool = reactor.threadPoolIfCreated();
        Janitor janitor = clean();
        assertThat(janitor.threads).singleElement().asString().startsWith("1 thread(s)");
        assertThat(pool.isShutdown()).isTrue();
        assertThat(reactor.threadPoolIfCreated()).isNull();
    }
}
