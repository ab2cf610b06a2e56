package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;

/**
 * The howtos' first Deferred example (Callback): a result that arrives two seconds later.
 * Prints {@code getDummyData called}, {@code Starting the reactor}, then {@code Result received: 9},
 * and stops after four seconds.
 */
@Example("The first Deferred: a result that arrives two seconds later")
public final class DummyData {
    private DummyData() {}

    /** Simulates a delayed result: a Deferred that fires with {@code inputData * 3} in two seconds. */
    static Deferred<Integer> getDummyData(int inputData) {
        System.out.println("getDummyData called");
        Deferred<Integer> deferred = new Deferred<>();
        reactor.callLater(2, () -> deferred.callback(inputData * 3));
        return deferred;
    }

    /** The callback: handles the data by printing it. */
    static Void cbPrintData(Integer result) {
        System.out.println("Result received: " + result);
        return null;
    }

    public static void main(String[] args) {
        Deferred<Integer> deferred = getDummyData(3);
        deferred.addCallback(DummyData::cbPrintData);

        // stop the reactor after four seconds, then start it
        reactor.callLater(4, reactor::stop);
        System.out.println("Starting the reactor");
        reactor.run();
    }
}
