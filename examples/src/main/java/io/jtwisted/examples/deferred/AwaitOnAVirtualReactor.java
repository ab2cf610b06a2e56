package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.ReactorThreads;
import io.jtwisted.internet.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * An async body whose every await waits for the reactor, with the reactor's loop run on a virtual
 * thread: each hand-off between the loop and the body is then a switch between two virtual
 * threads instead of waking a thread of the operating system. Prints {@code Sum: 6} and stops.
 */
@Example("Deferred.async with the reactor run on a virtual thread")
public final class AwaitOnAVirtualReactor {
    private AwaitOnAVirtualReactor() {}

    public static void main(String[] args) {
        reactor.callWhenRunning(() -> Deferred.async(reactor, () -> {
                    int sum = 0;
                    for (int i = 1; i <= 3; i++) {
                        int step = i;
                        sum += Deferred.await(Task.deferLater(reactor, 0.1, () -> step));
                    }
                    System.out.println("Sum: " + sum);
                    return null;
                })
                .<@Nullable Object>addBoth(ignored -> {
                    reactor.stop();
                    return null;
                }));

        ReactorThreads.run(reactor, true); // the loop on a virtual thread; returns when the reactor stops
    }
}
