package io.jtwisted.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The guard is registered for core's tests without any annotation, and sees what they log:
 * flushing is how a test says an error was expected. (That an unflushed error fails the test is
 * what every other core test relies on; a test of it would have to fail.) Its reactor cleaning is
 * called here directly on an object holding a reactor, as after a test that left things behind.
 */
class CoreTestGuardTest {
    static final class Expected extends RuntimeException {
        Expected(String message) {
            super(message);
        }
    }

    @Test
    void aLoggedFailureIsSeenByTheAutodetectedGuardAndFlushedByType() {
        new Logger("test").failure("expected in this test", new Expected("logged"));
        new Logger("test").failure("another", new IllegalStateException("other"));
        List<Failure> expected = CoreTestGuard.flushLoggedErrors(Expected.class);
        assertThat(expected)
                .singleElement()
                .satisfies(f -> assertThat(f.getErrorMessage()).isEqualTo("logged"));
        assertThat(CoreTestGuard.flushLoggedErrors())
                .singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo(IllegalStateException.class));
    }

    @Test
    void anUnhandledFailureOfTheTestIsReportedWhileTheTestRunsSoItCanBeFlushed() {
        Deferred.fail(new Expected("unhandled"));
        Deferred.logUnhandledErrors();
        assertThat(CoreTestGuard.flushLoggedErrors(Expected.class)).hasSize(1);
    }

    /** What a test instance holds: a reactor, as core's tests keep theirs in a field. */
    static final class Holder {
        final Reactor reactor = Reactor.create();
    }

    @Test
    void aPendingDelayedCallOfAHeldReactorIsCancelledAndNamed() throws IllegalAccessException {
        Holder test = new Holder();
        IDelayedCall call = test.reactor.callLater(60, () -> {});
        CoreTestGuard.Leftovers left = CoreTestGuard.cleanReactors(List.of(test));
        assertThat(left.delayedCalls).hasSize(1);
        assertThat(left.toString()).startsWith("Reactor was unclean. DelayedCalls: [");
        assertThat(call.active()).isFalse();
    }

    @Test
    void anOpenPortOfAHeldReactorIsRemovedClosedAndNamed() throws Exception {
        Holder test = new Holder();
        IListeningPort port = test.reactor.listenTCP(0, Factory.forProtocol(Protocol::new), 5, "127.0.0.1");
        int number = ((IPv4Address) port.getHost()).port();
        assertThat(test.reactor.getReaders()).hasSize(1);
        CoreTestGuard.Leftovers left = CoreTestGuard.cleanReactors(List.of(test));
        assertThat(left.selectables).hasSize(1);
        assertThat(left.toString()).startsWith("Reactor was unclean. Selectables: [");
        assertThat(test.reactor.getReaders()).isEmpty();
        assertThatThrownBy(() -> new Socket("127.0.0.1", number).close())
                .as("the port is closed")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void workStillRunningInAHeldReactorsPoolIsInterruptedAndNamed() throws Exception {
        Holder test = new Holder();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        test.reactor.callInThread(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // never released: only an interrupt ends it
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CoreTestGuard.Leftovers left = CoreTestGuard.cleanReactors(List.of(test));
        assertThat(left.toString()).contains("Threads: [1 thread(s) of the reactor's pool still busy");
        assertThat(interrupted.await(10, TimeUnit.SECONDS))
                .as("the work was interrupted")
                .isTrue();
    }

    @Test
    void aHeldReactorLeftRunningIsNamedAndNotTouched() throws Exception {
        Holder test = new Holder();
        CountDownLatch running = new CountDownLatch(1);
        test.reactor.callWhenRunning(running::countDown);
        Thread loop = new Thread(() -> test.reactor.run(false), "left-running");
        loop.start();
        try {
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(CoreTestGuard.cleanReactors(List.of(test)).toString()).contains("is still running");
        } finally {
            test.reactor.callFromThread(test.reactor::stop);
            loop.join(10_000);
        }
        assertThat(loop.isAlive()).isFalse();
    }
}
