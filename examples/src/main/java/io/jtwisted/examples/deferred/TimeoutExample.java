package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Task;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' addTimeout example: a result due after a random delay of one to five seconds, timed
 * out after three. Prints {@code <delay> seconds later: Hopefully this will be called in 3 seconds or less}
 * or {@code <delay> seconds later: [Failure instance: io.jtwisted.internet.defer.TimeoutError: Deferred timed out after 3 seconds]}.
 * An optional argument fixes the delay (in seconds).
 */
@Example("addTimeout: a slow result timed out after three seconds")
public final class TimeoutExample {
    private TimeoutExample() {}

    static String f() {
        return "Hopefully this will be called in 3 seconds or less";
    }

    static Deferred<@Nullable Void> main(Reactor reactor, double delay) {
        Deferred<String> d = Task.deferLater(reactor, delay, TimeoutExample::f);
        return d.addTimeout(3, reactor).addBoth(result -> {
            System.out.println(delay + " seconds later: " + result);
            return null;
        });
    }

    public static void main(String[] args) {
        double delay = args.length > 0
                ? Double.parseDouble(args[0])
                : ThreadLocalRandom.current().nextDouble(1, 5);
        // f() will be timed out if the random delay is greater than 3 seconds
        Task.react(reactor -> main(reactor, delay));
    }
}
