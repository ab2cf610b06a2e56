package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.AlreadyCalledError;
import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' "default cancellation behaviour": a Deferred without canceller fails with
 * CancelledError when cancelled; the operation's own later {@code callback} is then absorbed once,
 * and only a second one raises AlreadyCalledError. Prints
 * {@code Cancelled: the Deferred was cancelled}, {@code operationDone absorbed} and
 * {@code Second callback: AlreadyCalledError}.
 */
@Example("Cancelling a Deferred that has no canceller")
public final class DefaultCancellation {
    private DefaultCancellation() {}

    static void operationDone(Deferred<String> operation) {
        operation.callback("completed");
    }

    public static void main(String[] args) {
        Deferred<String> operation = new Deferred<>();
        operation.<@Nullable Object>addCallbacks(
                result -> {
                    System.out.println("Hooray, a result: " + result);
                    return null;
                },
                failure -> {
                    System.out.println("Cancelled: " + failure.getErrorMessage());
                    return null;
                });
        // ... the consumer loses patience:
        operation.cancel();

        // ... the operation finishes anyway: this one callback is a no-op
        operationDone(operation);
        System.out.println("operationDone absorbed");
        try {
            operationDone(operation);
        } catch (AlreadyCalledError e) {
            System.out.println("Second callback: " + e.getClass().getSimpleName());
        }
    }
}
