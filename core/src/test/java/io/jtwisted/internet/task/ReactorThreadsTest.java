package io.jtwisted.internet.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ReactorNotRestartable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ReactorThreads: which thread runs the loop for Task.react and the property that chooses it.
 * Twisted has no such choice (its reactor runs on the thread that calls run), so nothing is ported.
 */
class ReactorThreadsTest {
    private final Reactor reactor = Reactor.create();

    @AfterEach
    void clearProperty() {
        System.clearProperty(ReactorThreads.PROPERTY);
    }

    /** Runs the reactor through {@code run} until a startup call stops it; returns the loop's thread. */
    private Thread loopThreadOf(Runnable run) {
        AtomicReference<Thread> loop = new AtomicReference<>();
        reactor.callWhenRunning(() -> {
            loop.set(Thread.currentThread());
            reactor.stop();
        });
        run.run();
        return loop.get();
    }

    @Test
    void theDefaultIsAVirtualThreadUnlessThePropertySaysPlatform() {
        assertThat(ReactorThreads.virtualByDefault()).isTrue();
        System.setProperty(ReactorThreads.PROPERTY, "platform");
        assertThat(ReactorThreads.virtualByDefault()).isFalse();
        System.setProperty(ReactorThreads.PROPERTY, " Virtual ");
        assertThat(ReactorThreads.virtualByDefault()).isTrue();
    }

    @Test
    void anyOtherValueOfThePropertyIsRefusedByName() {
        System.setProperty(ReactorThreads.PROPERTY, "carrier");
        assertThatThrownBy(ReactorThreads::virtualByDefault)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ReactorThreads.PROPERTY)
                .hasMessageContaining("carrier");
    }

    @Test
    @Timeout(10)
    void aVirtualLoopRunsOnItsOwnVirtualThreadWhileTheCallerWaits() {
        Thread loop = loopThreadOf(() -> ReactorThreads.run(reactor, true));
        assertThat(loop.isVirtual()).isTrue();
        assertThat(loop).isNotSameAs(Thread.currentThread());
        assertThat(loop.isAlive()).isFalse();
        assertThat(reactor.running()).isFalse();
    }

    @Test
    @Timeout(10)
    void aPlatformLoopRunsOnTheCallersThread() {
        assertThat(loopThreadOf(() -> ReactorThreads.run(reactor, false))).isSameAs(Thread.currentThread());
    }

    @Test
    @Timeout(10)
    void taskReactRunsItsLoopOnAVirtualThreadByDefault() {
        AtomicReference<Thread> loop = new AtomicReference<>();
        int code = Task.reactForExitCode(
                reactor, r -> Task.deferLater(r, 0, () -> loop.getAndSet(Thread.currentThread())));
        assertThat(code).isZero();
        assertThat(loop.get().isVirtual()).isTrue();
    }

    @Test
    @Timeout(10)
    void taskReactRunsItsLoopOnTheCallersThreadWhenThePropertySaysPlatform() {
        System.setProperty(ReactorThreads.PROPERTY, "platform");
        AtomicReference<Thread> loop = new AtomicReference<>();
        int code = Task.reactForExitCode(
                reactor, r -> Task.deferLater(r, 0, () -> loop.getAndSet(Thread.currentThread())));
        assertThat(code).isZero();
        assertThat(loop.get()).isSameAs(Thread.currentThread());
    }

    @Test
    @Timeout(10)
    void whatTheLoopThrowsIsThrownToTheCaller() {
        loopThreadOf(() -> ReactorThreads.run(reactor, true));
        assertThatThrownBy(() -> ReactorThreads.run(reactor, true)).isInstanceOf(ReactorNotRestartable.class);
    }

    @Test
    @Timeout(10)
    void anAsyncBodyStartedByTaskReactsMainAwaitsOnTheVirtualLoop() {
        AtomicReference<Thread> resumedOn = new AtomicReference<>();
        int code = Task.reactForExitCode(
                reactor,
                r -> Deferred.async(r, () -> {
                    Deferred.await(Task.deferLater(r, 0, () -> resumedOn.getAndSet(Thread.currentThread())));
                    return null;
                }));
        assertThat(code).isZero();
        assertThat(resumedOn.get().isVirtual()).isTrue();
        assertThat(resumedOn.get().getName()).isEqualTo("reactor");
    }
}
