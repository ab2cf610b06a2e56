package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.logger.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' "Unhandled Errors": rather than relying on the garbage collector to report a failure
 * left at the end of a chain, add a last errback that logs it. Logs
 * {@code Request failed} with the failure's traceback (through the global log publisher, to
 * SLF4J or standard error).
 */
@Example("A last errback instead of relying on the garbage collector")
public final class UnhandledErrors {
    private static final Logger log = Logger.forClass(UnhandledErrors.class);

    private UnhandledErrors() {}

    public static void main(String[] args) {
        Deferred<String> request = new Deferred<>();
        Deferred<@Nullable String> d = request.addCallback(String::toUpperCase);
        // Make sure errors get logged
        d.addErrback(failure -> {
            log.failure("Request failed", failure);
            return null;
        });
        d.errback(new IllegalStateException("the server went away"));
    }
}
