package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;

/**
 * {@link DummyData} written with {@link Deferred#async} and {@link Deferred#await}: the same
 * two-second result, read top to bottom. Prints {@code getDummyData called},
 * {@code Starting the reactor}, then {@code Result received: 9}, and stops after four seconds.
 */
@Example("The first Deferred, awaited: a result that arrives two seconds later")
public final class DummyDataAsync {
    private DummyDataAsync() {}

    public static void main(String[] args) {
        Deferred.async(reactor, () -> {
            int result = Deferred.await(DummyData.getDummyData(3));
            System.out.println("Result received: " + result);
            return null;
        });

        // stop the reactor after four seconds, then start it
        reactor.callLater(4, reactor::stop);
        System.out.println("Starting the reactor");
        reactor.run();
    }
}
