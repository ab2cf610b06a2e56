package io.jtwisted.internet.defer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.testing.CoreTestGuard;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failure left at the end of a garbage-collected Deferred is logged: port of
 * twisted.test.test_defer.LogTests.
 *
 * <p>Covered: test_errorLog, test_errorLogWithInnerFrameRef, test_errorLogWithInnerFrameCycle,
 * test_errorLogNoRepr (as: the event carries the Failure with its traceback), test_chainedErrorCleanup,
 * test_errorClearedByChaining.
 *
 * <p>Not ported: test_errorLogDebugInfo (no debug mode); UtilTests (there is no {@code defer.logError}
 * helper: an errback calling {@code Logger.failure} does its job, see the UnhandledErrors example). The tests that expect nothing to be logged
 * force collection a few times and check that no event about their own exception arrived; they
 * can only show the absence within that window.
 */
class UnhandledErrorLoggingTest {
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final ILogObserver observer = event -> {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    };

    @BeforeEach
    void observe() {
        LogPublisher.globalLogPublisher().addObserver(observer);
    }

    @AfterEach
    void stopObserving() {
        Deferred.logUnhandledErrors();
        CoreTestGuard.flushLoggedErrors(Marker.class); // what these tests provoke and check
        LogPublisher.globalLogPublisher().removeObserver(observer);
    }

    static final class Marker extends RuntimeException {
        Marker(String message) {
            super(message);
        }
    }

    private List<LogEvent> eventsAbout(String marker) {
        return events.stream()
                .filter(e ->
                        e.failure() != null && e.failure().value() instanceof Marker m && marker.equals(m.getMessage()))
                .toList();
    }

    /** Collects garbage until an event about {@code marker} arrives or 10 s pass. */
    private List<LogEvent> collectUntilLogged(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (eventsAbout(marker).isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            synchronized (events) {
                if (eventsAbout(marker).isEmpty()) {
                    events.wait(50); // woken by the observer as soon as an event arrives
                }
            }
        }
        return eventsAbout(marker);
    }

    private static void failInACallback(String marker) {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> {
            throw new Marker(marker);
        });
        d.callback(1);
    }

    @Test
    void unhandledFailureIsLoggedWithItsTracebackWhenTheDeferredIsCollected() throws InterruptedException {
        failInACallback("unhandled-1");
        List<LogEvent> logged = collectUntilLogged("unhandled-1");
        assertThat(logged).hasSize(1);
        LogEvent event = logged.get(0);
        assertThat(event.message()).startsWith("Unhandled error in Deferred");
        assertThat(event.failure().getTraceback())
                .contains("Marker: unhandled-1")
                .contains("failInACallback");
    }

    @Test
    void unhandledFailureInASelfReferencingDeferredIsLoggedToo() throws InterruptedException {
        Runnable cycle = () -> {
            Deferred<Object> d = new Deferred<>();
            Object[] holder = new Object[1];
            holder[0] = d;
            d.addCallback(x -> {
                throw new Marker("unhandled-cycle " + holder.length);
            });
            d.callback(1);
        };
        cycle.run();
        assertThat(collectUntilLogged("unhandled-cycle 1")).hasSize(1);
    }

    @Test
    void failureHandedToAWaitingDeferredIsNotLoggedForTheInnerOne() throws InterruptedException {
        Runnable run = () -> {
            Deferred<Void> d = new Deferred<>();
            d.addCallbackDeferring(ign -> Deferred.<Void>fail(new Marker("chained")));
            d.callback(null);
            d.addErrback(f -> null);
        };
        run.run();
        failInACallback("sentinel-chained");
        collectUntilLogged("sentinel-chained");
        assertThat(eventsAbout("chained")).isEmpty();
    }

    @Test
    void failureClearedByAnErrbackChainingAnotherDeferredIsNotLogged() throws InterruptedException {
        Runnable run = () -> {
            Deferred<Void> bad = Deferred.fail(new Marker("cleared"));
            Deferred<Void> good = new Deferred<>();
            bad.addErrbackDeferring(ignored -> good);
        };
        run.run();
        failInACallback("sentinel-cleared");
        collectUntilLogged("sentinel-cleared");
        assertThat(eventsAbout("cleared")).isEmpty();
    }

    @Test
    void handledFailureIsNotLogged() throws InterruptedException {
        Runnable run = () -> {
            Deferred<Void> d = Deferred.fail(new Marker("handled"));
            d.addErrback(f -> null);
        };
        run.run();
        failInACallback("sentinel-handled");
        collectUntilLogged("sentinel-handled");
        assertThat(eventsAbout("handled")).isEmpty();
    }
}
