package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' Errbacks section: an errback is a {@code catch} block, and {@code failure.trap}
 * chooses which exceptions it handles; the others go on to the next errback. Prints
 * {@code errorHandler handled SpamException}, {@code cookSpamAndEggs is done: handled},
 * then {@code next errback got: out of toast}.
 */
@Example("Errbacks as catch blocks, failure.trap choosing what they handle")
public final class ErrbackTrap {
    static final class SpamException extends Exception {
        SpamException(String message) {
            super(message);
        }
    }

    static final class EggException extends Exception {
        EggException(String message) {
            super(message);
        }
    }

    private ErrbackTrap() {}

    static String cookSpamAndEggs(String order) throws Exception {
        if (order.equals("spam")) {
            throw new SpamException("no spam left");
        }
        throw new IllegalStateException("out of toast");
    }

    static String errorHandler(Failure failure) {
        failure.trap(SpamException.class, EggException.class);
        // Handle SpamExceptions and EggExceptions
        System.out.println("errorHandler handled " + failure.type().getSimpleName());
        return "handled";
    }

    static Deferred<String> order(String what) {
        Deferred<String> d = new Deferred<>();
        Deferred<String> handled = d.addCallback(ErrbackTrap::cookSpamAndEggs).addErrback(ErrbackTrap::errorHandler);
        d.callback(what);
        return handled;
    }

    public static void main(String[] args) {
        order("spam").<@Nullable Object>addCallback(result -> {
            System.out.println("cookSpamAndEggs is done: " + result);
            return null;
        });
        // trap does not match IllegalStateException: it is rethrown to the next errback
        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable String> toast = order("toast");
        toast.addErrback(failure -> {
            System.out.println("next errback got: " + failure.getErrorMessage());
            return null;
        });
    }
}
