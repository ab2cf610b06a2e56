package io.jtwisted.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard is registered for core's tests without any annotation, and sees what they log:
 * flushing is how a test says an error was expected. (That an unflushed error fails the test is
 * what every other core test relies on; a test of it would have to fail.)
 */
class CoreTestGuardTest {
    static final class Expected extends RuntimeException {
        Expected(String message) {
            super(message);
        }
    }

    @Test
    void aLoggedFailureIsSeenByTheAutodetectedGuardAndFlushedByType() {
        new Logger("test").failure("expected in this test", new Expected("logged"));
        new Logger("test").failure("another", new IllegalStateException("other"));
        List<Failure> expected = CoreTestGuard.flushLoggedErrors(Expected.class);
        assertThat(expected).singleElement().satisfies(f -> assertThat(f.getErrorMessage()).isEqualTo("logged"));
        assertThat(CoreTestGuard.flushLoggedErrors()).singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo(IllegalStateException.class));
    }

    @Test
    void anUnhandledFailureOfTheTestIsReportedWhileTheTestRunsSoItCanBeFlushed() {
        Deferred.fail(new Expected("unhandled"));
        Deferred.logUnhandledErrors();
        assertThat(CoreTestGuard.flushLoggedErrors(Expected.class)).hasSize(1);
    }
}
