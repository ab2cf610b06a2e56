package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Deferred#thenAccept}: a callback that returns nothing, as a Twisted callback returning
 * {@code None} ({@code d.addCallback(print)}): the chain goes on with {@code null}.
 */
class DeferredThenAcceptTest {
    @Test
    @SuppressWarnings("VoidUsed") // the test's point: the Void result the chain goes on with is null
    void theCallbackSeesTheResultAndTheChainGoesOnWithNull() {
        List<Object> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        Deferred<Void> after = d.thenAccept(seen::add);
        Deferred<String> next = after.addCallback(nothing -> nothing == null ? "next saw null" : "next saw a value");
        d.callback("page");
        assertThat(seen).containsExactly("page");
        assertThat(successResultOf(next)).isEqualTo("next saw null");
    }

    @Test
    void aFailurePassesItByUntouched() {
        List<Object> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        Deferred<Void> after = d.thenAccept(seen::add);
        d.errback(new IllegalStateException("boom"));
        assertThat(seen).isEmpty();
        assertThat(failureResultOf(after, IllegalStateException.class).getErrorMessage())
                .isEqualTo("boom");
    }

    @Test
    void anExceptionItThrowsBecomesTheChainsFailure() {
        Deferred<String> d = Deferred.succeed("x");
        Deferred<Void> after = d.thenAccept(value -> {
            throw new java.io.IOException("cannot write " + value);
        });
        assertThat(failureResultOf(after, java.io.IOException.class).getErrorMessage())
                .isEqualTo("cannot write x");
    }

    @Test
    void throughAStaleReferenceItFailsAtOnceLikeAddCallback() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(String::length);
        assertThatThrownBy(() -> d.thenAccept(s -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("thenAccept");
        d.callback("four");
    }
}
