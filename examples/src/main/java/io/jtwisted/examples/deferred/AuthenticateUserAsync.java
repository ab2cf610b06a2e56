package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.ThrowingFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@link AuthenticateUser} written with {@link Deferred#async}: {@code maybeDeferred} still makes
 * one API of the synchronous and the asynchronous check, and {@code await} reads its outcome in
 * line. Same arguments and output as {@link AuthenticateUser}.
 */
@Example("maybeDeferred, awaited: one API for synchronous and asynchronous checks")
public final class AuthenticateUserAsync {
    private AuthenticateUserAsync() {}

    /** Accepts either kind of check, and prints whether {@code user} passed it. */
    static Deferred<@Nullable Void> authenticateUser(ThrowingFunction<String, ?> isValidUser, String user) {
        return Deferred.async(reactor, () -> {
            Object valid = Deferred.await(Deferred.maybeDeferred(() -> isValidUser.apply(user)));
            if (Boolean.TRUE.equals(valid)) {
                System.out.println("User is authenticated");
            } else {
                System.out.println("User is not authenticated");
            }
            return null;
        });
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("async")) {
            authenticateUser(AuthenticateUser::asynchronousIsValidUser, args.length > 1 ? args[1] : "Alice");
        } else {
            authenticateUser(AuthenticateUser::synchronousIsValidUser, args.length > 0 ? args[0] : "user");
        }
        reactor.callLater(3, reactor::stop);
        reactor.run();
    }
}
