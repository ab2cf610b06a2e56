package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.defer.DeferredList.Option.CONSUME_ERRORS;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' gatherResults example: nothing is printed until both Deferreds have fired, then
 * {@code [one, two]}.
 */
@Example("gatherResults: one result list once both Deferreds fire")
public final class GatherResults {
    private GatherResults() {}

    public static void main(String[] args) {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<String>> d = Deferred.gatherResults(List.of(d1, d2), CONSUME_ERRORS);

        d.<@Nullable Object>addCallback(result -> {
            System.out.println(result);
            return null;
        });

        d1.callback("one");
        // nothing is printed yet; d is still awaiting completion of d2
        d2.callback("two");
        // the callback prints [one, two]
    }
}
