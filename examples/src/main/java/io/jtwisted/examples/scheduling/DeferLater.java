package io.jtwisted.examples.scheduling;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.task.Task;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' {@code task.deferLater} example: a call 3.5 seconds from now whose result arrives in
 * a Deferred. Prints {@code This will run 3.5 seconds after it was scheduled: hello, world}.
 *
 * <p>Unlike the howtos' version, whose reactor runs until Ctrl+C, {@link #main} stops the reactor once the
 * result is printed.
 */
@Example("task.deferLater: a delayed call whose result arrives in a Deferred")
public final class DeferLater {
    private DeferLater() {}

    static String f(String s) {
        return "This will run 3.5 seconds after it was scheduled: " + s;
    }

    /** Schedules {@code f("hello, world")} 3.5 seconds from now on {@code clock}; prints its result. */
    public static Deferred<@Nullable Object> schedule(IReactorTime clock, PrintStream out) {
        Deferred<String> d = Task.deferLater(clock, 3.5, () -> f("hello, world"));
        return d.addCallback(result -> {
            out.println(result);
            return null;
        });
    }

    public static void main(String[] args) {
        Deferred<@Nullable Object> d = schedule(reactor, System.out);
        d.<@Nullable Object>addBoth(ignored -> {
            reactor.stop();
            return null;
        });

        // f() will only be called if the event loop is started.
        reactor.run();
    }
}
