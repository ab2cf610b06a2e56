package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' onTimeoutCancel example: a Deferred whose canceller fires it with a value, timed out
 * after two seconds; onTimeoutCancel logs the timeout and changes the result. Prints
 * {@code Got 'Everything's ok!' but actually timed out after 2 seconds} then
 * {@code Everything's ok! (timed out)}.
 */
@Example("addTimeout with onTimeoutCancel changing the result")
public final class TimeoutCancel {
    private TimeoutCancel() {}

    static String logTimeout(@Nullable Object result, double timeout) {
        System.out.println("Got '" + result + "' but actually timed out after " + Math.round(timeout) + " seconds");
        return result + " (timed out)";
    }

    static Deferred<@Nullable Void> main(Reactor reactor) {
        // a Deferred with a custom canceller, never fired otherwise, so that it times out
        Deferred<String> d = new Deferred<>(c -> c.callback("Everything's ok!"));
        d.addTimeout(2, reactor, TimeoutCancel::logTimeout);
        return d.addBoth(result -> {
            System.out.println(result);
            return null;
        });
    }

    public static void main(String[] args) {
        Task.react(TimeoutCancel::main);
    }
}
