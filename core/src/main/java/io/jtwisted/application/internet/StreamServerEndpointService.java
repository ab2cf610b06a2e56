package io.jtwisted.application.internet;

import io.jtwisted.application.service.Service;
import io.jtwisted.internet.defer.CancelledError;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import org.jspecify.annotations.Nullable;

/**
 * Runs a server on an {@link IStreamServerEndpoint} while it runs, as Twisted's
 * {@code StreamServerEndpointService}: it listens in {@link #privilegedStartService()} (or
 * {@link #startService()}), and {@link #stopService()} stops listening, or cancels a listen still under way.
 * A listen that fails is logged, or, after {@link #setRaiseSynchronously(boolean) setRaiseSynchronously(true)}
 * (as {@code strports.service} sets it), thrown from the start call when it fails at once.
 */
public class StreamServerEndpointService extends Service {
    private static final Logger log = Logger.forClass(StreamServerEndpointService.class);

    private final IStreamServerEndpoint endpoint;
    private final IProtocolFactory factory;
    private boolean raiseSynchronously;
    private @Nullable Deferred<@Nullable IListeningPort> waitingForPort; // its errback leaves null

    /** A service that will listen on {@code endpoint} with {@code factory}. */
    public StreamServerEndpointService(IStreamServerEndpoint endpoint, IProtocolFactory factory) {
        this.endpoint = endpoint;
        this.factory = factory;
    }

    /** The endpoint listened on. */
    public IStreamServerEndpoint endpoint() {
        return endpoint;
    }

    /** The factory given to the endpoint. */
    public IProtocolFactory factory() {
        return factory;
    }

    /** Whether a listen that fails at once is thrown from the start call (instead of being logged); returns this. */
    public StreamServerEndpointService setRaiseSynchronously(boolean raise) {
        this.raiseSynchronously = raise;
        return this;
    }

    /**
     * The Deferred of the listen, firing with the port (its {@code getHost()} tells a port 0's number), or
     * {@code null} before the service started.
     */
    public @Nullable Deferred<@Nullable IListeningPort> waitingForPort() {
        return waitingForPort;
    }

    @Override
    public void privilegedStartService() {
        super.privilegedStartService();
        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable IListeningPort> listening = endpoint.listen(factory);
        waitingForPort = listening;
        @Nullable Failure[] raisedNow = {null};
        boolean raise = raiseSynchronously;
        listening.addErrback(failure -> {
            if (raise) {
                raisedNow[0] = failure;
            } else if (failure.check(CancelledError.class) == null) {
                log.failure("Listening on {endpoint} failed", failure, endpoint);
            }
            return null;
        });
        raiseSynchronously = false;
        Failure raised = raisedNow[0];
        if (raised != null) {
            throw raised.raiseException();
        }
    }

    @Override
    public void startService() {
        super.startService();
        if (waitingForPort == null) {
            privilegedStartService();
        }
    }

    /** Stops listening, or cancels the listen; the Deferred fires once the port is closed. */
    @Override
    public @Nullable Deferred<?> stopService() {
        Deferred<@Nullable IListeningPort> waiting = waitingForPort;
        if (waiting == null) {
            return super.stopService();
        }
        waitingForPort = null;
        waiting.cancel();
        return waiting.addCallbackDeferring(
                        port -> port != null ? port.stopListening() : Deferred.<@Nullable Void>succeed(null))
                .<@Nullable Object>addBoth(passthrough -> {
                    super.stopService();
                    return passthrough;
                });
    }
}
