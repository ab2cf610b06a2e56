package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' chainDeferred example: d3's result at that point of its chain fires d4. Prints
 * {@code d3: result} then {@code d4: result}.
 */
@Example("chainDeferred: one Deferred's result fires another")
public final class ChainDeferred {
    private ChainDeferred() {}

    public static void main(String[] args) {
        Deferred<String> d3 = new Deferred<>();
        Deferred<String> d4 = new Deferred<>();

        d4.<@Nullable Object>addCallback(x -> {
            System.out.println("d4: " + x);
            return null;
        });

        d3.addCallback(x -> {
                    System.out.println("d3: " + x);
                    return x;
                })
                .chainDeferred(d4);
        d3.callback("result");
    }
}
