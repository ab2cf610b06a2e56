package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.ThrowingFunction;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' maybeDeferred example: {@code authenticateUser} works with a synchronous check (a
 * plain value) and with an asynchronous one (a Deferred) alike. Run without arguments it checks
 * {@code user} synchronously and prints {@code User is not authenticated}; with
 * {@code async NAME} it checks NAME asynchronously (two seconds), e.g. {@code async Alice} prints
 * {@code User is authenticated}. The reactor stops three seconds after the start.
 */
@Example("maybeDeferred: one API for synchronous and asynchronous checks")
public final class AuthenticateUser {
    private static final List<String> USERS = List.of("Alice", "Angus", "Agnes");

    private AuthenticateUser() {}

    static Void printResult(Object result) {
        if (Boolean.TRUE.equals(result)) {
            System.out.println("User is authenticated");
        } else {
            System.out.println("User is not authenticated");
        }
        return null;
    }

    static Deferred<Boolean> asynchronousIsValidUser(String user) {
        Deferred<Boolean> d = new Deferred<>();
        reactor.callLater(2, () -> d.callback(USERS.contains(user)));
        return d;
    }

    static boolean synchronousIsValidUser(String user) {
        return USERS.contains(user);
    }

    /** Accepts either kind of check: maybeDeferred turns its outcome into a Deferred. */
    static void authenticateUser(ThrowingFunction<String, ?> isValidUser, String user) {
        Deferred<Object> d = Deferred.maybeDeferred(() -> isValidUser.apply(user));
        Deferred<Void> printed = d.addCallback(AuthenticateUser::printResult);
        reactor.callLater(
                3,
                () -> printed.<@Nullable Object>addCallback(ignored -> {
                    reactor.stop();
                    return null;
                }));
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("async")) {
            authenticateUser(AuthenticateUser::asynchronousIsValidUser, args.length > 1 ? args[1] : "Alice");
        } else {
            authenticateUser(AuthenticateUser::synchronousIsValidUser, args.length > 0 ? args[0] : "user");
        }
        reactor.run();
    }
}
