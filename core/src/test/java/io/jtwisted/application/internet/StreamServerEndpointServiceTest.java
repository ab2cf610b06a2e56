package io.jtwisted.application.internet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.CancelledError;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.testing.FakePort;
import io.jtwisted.logger.CapturedGlobalLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/application/test/test_internet.py, StreamServerEndpointServiceTests:
 * test_privilegedStartService, test_synchronousRaiseRaisesSynchronously, test_synchronousRaisePrivileged,
 * test_failReportsError, test_asynchronousFailReportsError, test_synchronousFailReportsError,
 * test_startServiceUnstarted, test_startServiceStarted, test_stopService, test_stopServiceBeforeStartFinished,
 * test_stopServiceCancelStartError. Not ported: nothing else applies.
 */
class StreamServerEndpointServiceTest {
    /** An endpoint whose listens the test finishes by hand. */
    static final class FakeEndpoint implements IStreamServerEndpoint {
        final List<IProtocolFactory> factories = new ArrayList<>();
        final List<Deferred<IListeningPort>> listens = new ArrayList<>();
        Throwable failImmediately;
        boolean cancelled;

        @Override
        public Deferred<IListeningPort> listen(IProtocolFactory factory) {
            factories.add(factory);
            if (failImmediately != null) {
                return Deferred.fail(failImmediately);
            }
            Deferred<IListeningPort> d = new Deferred<>(ignored -> cancelled = true);
            listens.add(d);
            return d;
        }
    }

    private final FakeEndpoint endpoint = new FakeEndpoint();
    private final Factory factory = new Factory();
    private final StreamServerEndpointService service = new StreamServerEndpointService(endpoint, factory);

    @Test
    void privilegedStartListensWithTheFactory() {
        service.privilegedStartService();
        assertThat(endpoint.factories).containsExactly(factory);
        service.startService();
        assertThat(endpoint.factories).hasSize(1);
        assertThat(service.running()).isTrue();
    }

    @Test
    void startWithoutPrivilegedStartListens() {
        service.startService();
        assertThat(endpoint.factories).containsExactly(factory);
    }

    @Test
    void anImmediateFailureIsThrownWhenAskedTo() {
        endpoint.failImmediately = new CannotListenError("", 80, new java.io.IOException("in use"));
        service.setRaiseSynchronously(true);
        assertThatThrownBy(service::privilegedStartService).isInstanceOf(CannotListenError.class);
    }

    @Test
    void aFailureIsLoggedOtherwise() {
        endpoint.failImmediately = new CannotListenError("", 80, new java.io.IOException("in use"));
        try (CapturedGlobalLog events = new CapturedGlobalLog()) {
            service.startService();
            assertThat(events.events())
                    .anyMatch(e -> e.failure() != null && e.failure().check(CannotListenError.class) != null);
        }
    }

    @Test
    void aLaterFailureIsLogged() {
        service.startService();
        try (CapturedGlobalLog events = new CapturedGlobalLog()) {
            endpoint.listens.get(0).errback(new IllegalStateException("later"));
            assertThat(events.events())
                    .anyMatch(e ->
                            e.failure() != null && "later".equals(e.failure().getErrorMessage()));
        }
    }

    @Test
    void stopStopsListeningOnThePort() {
        service.startService();
        FakePort port = new FakePort(new IPv4Address("TCP", "0.0.0.0", 80));
        endpoint.listens.get(0).callback(port);
        Deferred<?> stopped = service.stopService();
        assertThat(port.stopped()).isTrue();
        assertThat(stopped.called()).isTrue();
        assertThat(service.running()).isFalse();
    }

    @Test
    void stopBeforeTheListenFinishesCancelsIt() {
        try (CapturedGlobalLog events = new CapturedGlobalLog()) {
            service.startService();
            Deferred<?> stopped = service.stopService();
            assertThat(endpoint.cancelled).isTrue();
            assertThat(stopped.called()).isTrue();
            assertThat(service.running()).isFalse();
            assertThat(events.events())
                    .noneMatch(e -> e.failure() != null && e.failure().check(CancelledError.class) != null);
        }
    }
}
