package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.defer.DeferredList.Option.CONSUME_ERRORS;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.defer.DeferredList;
import java.util.List;

/**
 * The howtos' DeferredList example: three Deferreds, one of which fails; the list fires once all
 * three have. Prints {@code Success: one}, {@code Failure: bang!}, {@code Success: three}.
 */
@Example("DeferredList: three Deferreds, one failing")
public final class DeferredListExample {
    private DeferredListExample() {}

    /** A callback that unpacks and prints the results of a DeferredList. */
    static Void printResult(List<DeferredList.Result<String>> results) {
        for (DeferredList.Result<String> result : results) {
            if (result.success()) {
                System.out.println("Success: " + result.value());
            } else if (result.failure() != null) { // always, when success() is false
                System.out.println("Failure: " + result.failure().getErrorMessage());
            }
        }
        return null;
    }

    public static void main(String[] args) {
        // Create three deferreds.
        Deferred<String> deferred1 = new Deferred<>();
        Deferred<String> deferred2 = new Deferred<>();
        Deferred<String> deferred3 = new Deferred<>();

        // Pack them into a DeferredList
        DeferredList<String> dl = new DeferredList<>(List.of(deferred1, deferred2, deferred3), CONSUME_ERRORS);

        // Add our callback
        dl.addCallback(DeferredListExample::printResult);

        // Fire our three deferreds with various values.
        deferred1.callback("one");
        deferred2.errback(new Exception("bang!"));
        deferred3.callback("three");
    }
}
