package io.jtwisted.internet.testing;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IPullProducer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A pull producer that writes {@code "0"} to {@code "9"}, one per {@link #resumeProducing()},
 * then unregisters itself, as Twisted's {@code NonStreamingProducer}: for testing consumers.
 * {@link #result()} fires when it is done (or stopped).
 */
public final class NonStreamingProducer implements IPullProducer {
    private @Nullable IConsumer consumer; // null once done or stopped
    private int counter;
    private boolean stopped;
    private final Deferred<@Nullable Void> result = new Deferred<>();

    /** A producer for {@code consumer}; register it there as non-streaming. */
    public NonStreamingProducer(IConsumer consumer) {
        this.consumer = consumer;
    }

    /**
     * Writes the next number; the tenth write also unregisters this producer.
     *
     * @throws IllegalStateException once done or stopped
     */
    @Override
    public void resumeProducing() {
        if (consumer == null || counter >= 10) {
            throw new IllegalStateException("BUG: resume after unregister/stop.");
        }
        consumer.write(Integer.toString(counter).getBytes(StandardCharsets.US_ASCII));
        counter++;
        if (counter == 10) {
            consumer.unregisterProducer();
            done();
        }
    }

    /**
     * A pull producer is never paused.
     *
     * @throws IllegalStateException always
     */
    @SuppressWarnings("DoNotCallSuggester") // it exists to fail the test that calls it, at run time
    public void pauseProducing() {
        throw new IllegalStateException("BUG: pause should never be called.");
    }

    /** Stops producing; {@link #result()} fires. */
    @Override
    public void stopProducing() {
        stopped = true;
        done();
    }

    private void done() {
        consumer = null;
        if (!result.called()) {
            result.callback(null);
        }
    }

    /** The consumer written to, or {@code null} once done or stopped. */
    public @Nullable IConsumer consumer() {
        return consumer;
    }

    /** How many numbers were written. */
    public int counter() {
        return counter;
    }

    /** True once {@link #stopProducing()} was called. */
    public boolean stopped() {
        return stopped;
    }

    /** Fires with {@code null} when the ten writes are done or production is stopped. */
    public Deferred<@Nullable Void> result() {
        return result;
    }
}
