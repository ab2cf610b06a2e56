package io.jtwisted.internet.defer;

import java.util.concurrent.CancellationException;

/**
 * The failure a {@link Deferred} fires with when it is cancelled and its canceller did not fire
 * it. It is a {@link CancellationException}, so a {@link java.util.concurrent.CompletableFuture}
 * completed with it (see {@link Deferred#toCompletableFuture()}) reports itself as cancelled.
 */
public class CancelledError extends CancellationException {
    public CancelledError() {
        super("the Deferred was cancelled");
    }

    public CancelledError(String message) {
        super(message);
    }
}
