package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' "advanced chain control" and "callbacks run synchronously": a callback added to a
 * fired Deferred runs at once; pause() holds every callback until unpause(). Prints
 * {@code first: 1}, {@code added first callback}, {@code paused: added second callback},
 * {@code unpausing}, {@code second: 2}.
 */
@Example("pause() holds every callback until unpause()")
public final class PauseUnpause {
    private PauseUnpause() {}

    public static void main(String[] args) {
        Deferred<Integer> d = Deferred.succeed(1);

        // fired already: the callback runs as soon as it is added
        Deferred<Integer> first = d.addCallback(x -> {
            System.out.println("first: " + x);
            return x + 1;
        });
        System.out.println("added first callback");

        d.pause();
        first.<@Nullable Object>addCallback(x -> {
            System.out.println("second: " + x);
            return null;
        });
        System.out.println("paused: added second callback");
        System.out.println("unpausing");
        d.unpause();
    }
}
