package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;

/**
 * The howtos' "callback trap": where an errback sits decides which failures it sees. In case 1 an
 * errback added after callback1 handles callback1's exception; in case 2 errback1, paired with
 * callback1 in one addCallbacks, does not, and errback2 gets it. Prints
 * {@code Case 1: errback1 handled: callback1 failed}, {@code callback2 got: recovered} and
 * {@code Case 2: errback2 handled: callback1 failed}.
 */
@Example("Where an errback sits decides which failures it sees")
public final class CallbackTrap {
    private CallbackTrap() {}

    @SuppressWarnings("DoNotCallSuggester") // the howtos' example: a callback that fails, to show the errback path
    static String callback1(String result) {
        throw new IllegalStateException("callback1 failed");
    }

    static String callback2(String result) {
        System.out.println("callback2 got: " + result);
        return result;
    }

    static String errback(String name, Failure failure) {
        System.out.println(name + " handled: " + failure.getErrorMessage());
        return "recovered";
    }

    public static void main(String[] args) {
        // Case 1
        Deferred<String> d = new Deferred<>();
        d.addCallback(CallbackTrap::callback1) // A
                .addErrback(f -> errback("Case 1: errback1", f)) // B
                .addCallback(CallbackTrap::callback2)
                .addErrback(f -> errback("Case 1: errback2", f));
        d.callback("go");

        // Case 2
        Deferred<String> d2 = new Deferred<>();
        d2.addCallbacks(CallbackTrap::callback1, f -> errback("Case 2: errback1", f)) // C
                .addCallbacks(CallbackTrap::callback2, f -> errback("Case 2: errback2", f));
        d2.callback("go");
    }
}
