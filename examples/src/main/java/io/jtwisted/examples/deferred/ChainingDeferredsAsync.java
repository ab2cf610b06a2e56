package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;

/**
 * {@link ChainingDeferreds} written with {@link Deferred#async}: where the callback version
 * returns d2 from d1's callback to pause the chain, the body simply awaits d1, then d2. Prints
 * {@code d1: d1 result}, {@code d2: d2 result}, {@code d1-1: d2 result}, as the callback version.
 * The reactor does not even run: firing d1 and d2 hands the turn to the body.
 */
@Example("Chained Deferreds, awaited one after the other")
public final class ChainingDeferredsAsync {
    private ChainingDeferredsAsync() {}

    public static void main(String[] args) {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();

        Deferred.async(reactor, () -> {
            String x = Deferred.await(d1);
            System.out.println("d1: " + x);
            String y = Deferred.await(d2);
            System.out.println("d1-1: " + y);
            return null;
        });
        d2.addCallback(x -> {
            System.out.println("d2: " + x);
            return x;
        });

        d1.callback("d1 result");
        d2.callback("d2 result");
    }
}
