package io.jtwisted.trial;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A trial test whose body awaits: Deferred.async started on the test's thread, the reactor run by
 * {@link Trial#await} until the body is done, and the reactor left clean (the extension checks).
 */
@ExtendWith(TrialExtension.class)
class AsyncBodyTrialTest {
    @Test
    void aTestBodyMayAwaitDeferredsFiredByTheReactor() {
        String got = Trial.await(Deferred.async(reactor, () -> {
            String first = Deferred.await(Task.deferLater(reactor, 0.01, () -> "later"));
            Deferred.await(Task.deferLater(reactor, 0.01));
            return first + "!";
        }));
        assertThat(got).isEqualTo("later!");
    }
}
