package io.jtwisted.examples.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The howtos' examples rewritten with Deferred.async/await print what their callback versions
 * print (DeferredExamplesTest holds those to the howtos' output).
 */
class AsyncExamplesTest {
    private static final String[] NO_ARGS = {};

    @Test
    void chainingDeferredsAwaitedPrintsWhatTheCallbackVersionPrints() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> ChainingDeferredsAsync.main(NO_ARGS))
                        .lines())
                .containsExactly("d1: d1 result", "d2: d2 result", "d1-1: d2 result");
    }

    @Test
    void dummyDataAwaitedPrintsTheResultAfterTheReactorStarts() throws Exception {
        ExampleOutput.Run run = ExampleOutput.subprocess(DummyDataAsync.class, 30);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("getDummyData called", "Starting the reactor", "Result received: 9");
    }

    @Test
    void aBodyAwaitingAReactorOnAVirtualThreadPrintsItsSumAndTheProgramEnds() throws Exception {
        ExampleOutput.Run run = ExampleOutput.subprocess(AwaitOnAVirtualReactor.class, 30);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("Sum: 6");
    }

    @Test
    void authenticateUserAwaitedWorksWithASynchronousCheck() throws Exception {
        ExampleOutput.Run run = ExampleOutput.subprocess(AuthenticateUserAsync.class, 30);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("User is not authenticated");
    }

    @Test
    void authenticateUserAwaitedWorksWithAnAsynchronousCheck() throws Exception {
        ExampleOutput.Run run = ExampleOutput.subprocess(AuthenticateUserAsync.class, 30, "async", "Alice");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("User is authenticated");
    }
}
