package io.jtwisted.trial.unittest;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Task;

/** A trial TestCase whose test returns the Deferred of an async body: the engine awaits it. */
public class AsyncTestCaseTest extends TestCase {
    public Deferred<Void> testReturnedAsyncBodyIsAwaited() {
        return Deferred.async(reactor, () -> {
            String value = Deferred.await(Task.deferLater(reactor, 0.01, () -> "from the reactor"));
            assertThat(value).isEqualTo("from the reactor");
            return null;
        });
    }
}
