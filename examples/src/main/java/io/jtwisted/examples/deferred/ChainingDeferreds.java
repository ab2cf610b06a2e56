package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' "Chaining Deferreds": a callback that returns a Deferred pauses the chain until
 * that Deferred fires. Prints {@code d1: d1 result}, {@code d2: d2 result}, {@code d1-1: d2 result}.
 */
@Example("A callback that returns a Deferred pauses the chain")
public final class ChainingDeferreds {
    private ChainingDeferreds() {}

    public static void main(String[] args) {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();

        d1.addCallbackDeferring(x -> {
                    System.out.println("d1: " + x);
                    return d2;
                })
                .<@Nullable Object>addCallback(x -> {
                    System.out.println("d1-1: " + x);
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
