package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' "returning Deferreds from synchronous functions": succeed and fail give an already
 * fired Deferred, so a synchronous implementation keeps the API of an asynchronous one. Prints
 * {@code Alice is valid: true}, {@code Bob is valid: false} and {@code lookup failed: no user database}.
 */
@Example("succeed and fail: already fired Deferreds from synchronous code")
public final class SynchronousDeferreds {
    private SynchronousDeferreds() {}

    /** Returns a Deferred that has already fired with whether {@code user} is valid. */
    static Deferred<Boolean> immediateIsValidUser(String user) {
        boolean result = List.of("Alice", "Angus", "Agnes").contains(user);
        // return a Deferred object already called back with the value of result
        return Deferred.succeed(result);
    }

    /** The failing counterpart: a Deferred that has already failed. */
    static Deferred<Boolean> brokenIsValidUser(String user) {
        return Deferred.fail(new IllegalStateException("no user database"));
    }

    public static void main(String[] args) {
        for (String user : List.of("Alice", "Bob")) {
            immediateIsValidUser(user).<@Nullable Object>addCallback(valid -> {
                System.out.println(user + " is valid: " + valid);
                return null;
            });
        }
        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable Boolean> lookup = brokenIsValidUser("Alice");
        lookup.addErrback(failure -> {
            System.out.println("lookup failed: " + failure.getErrorMessage());
            return null;
        });
    }
}
