package io.jtwisted.trial;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.trial.unittest.Skip;
import io.jtwisted.trial.unittest.TestCase;
import io.jtwisted.trial.unittest.Timeout;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;

/**
 * Runs the tests of the engine's tree as trial runs a {@code TestCase}: for each test, a new
 * instance, {@code setUp}, the test method, {@code tearDown} (each awaited when it returns a
 * Deferred or CompletionStage, within the timeout), then the after-test checks of
 * {@link TrialContext#endAndCheck()}. The first error is the test's result, later ones are
 * added to it as suppressed exceptions.
 */
final class TestCaseRunner {
    private final EngineExecutionListener listener;
    private final ConfigurationParameters configuration;

    TestCaseRunner(EngineExecutionListener listener, ConfigurationParameters configuration) {
        this.listener = listener;
        this.configuration = configuration;
    }

    void runClass(TestCaseDescriptor container) {
        Optional<String> skipped = skipReason(container.testClass());
        if (skipped.isPresent()) {
            listener.executionSkipped(container, skipped.get());
            return;
        }
        listener.executionStarted(container);
        for (var child : container.getChildren()) {
            if (child instanceof TestMethodDescriptor test) {
                runTest(test);
            }
        }
        listener.executionFinished(container, TestExecutionResult.successful());
    }

    private void runTest(TestMethodDescriptor test) {
        Optional<String> skipped = skipReason(test.method());
        if (skipped.isPresent()) {
            listener.executionSkipped(test, skipped.get());
            return;
        }
        listener.executionStarted(test);
        listener.executionFinished(test, execute(test));
    }

    private TestExecutionResult execute(TestMethodDescriptor test) {
        double timeout;
        try {
            timeout = timeoutSeconds(test);
        } catch (IllegalArgumentException badTimeout) {
            return TestExecutionResult.failed(badTimeout);
        }
        TrialContext context = TrialContext.begin(timeout);
        Throwable error = null;
        try {
            TestCase instance = instantiate(test.testClass());
            step(instance, "setUp", timeout);
            try {
                step(instance, test.method(), timeout);
            } catch (Throwable t) {
                error = t;
            }
            try {
                step(instance, "tearDown", timeout);
            } catch (Throwable t) {
                error = add(error, t);
            }
        } catch (Throwable t) {
            error = add(error, t);
        } finally {
            try {
                context.endAndCheck();
            } catch (Throwable t) {
                error = add(error, t);
            }
        }
        if (error == null) {
            return TestExecutionResult.successful();
        }
        if (error instanceof TestAbortedException) {
            return TestExecutionResult.aborted(error);
        }
        return TestExecutionResult.failed(error);
    }

    private static Throwable add(@Nullable Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }

    private static TestCase instantiate(Class<? extends TestCase> type) throws Throwable {
        Constructor<? extends TestCase> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void step(TestCase instance, String lifecycleMethod, double timeout) throws Throwable {
        step(instance, TestCase.class.getMethod(lifecycleMethod), timeout);
    }

    /** Calls {@code method} on {@code instance}, then waits for the Deferred or CompletionStage it returned. */
    private static void step(TestCase instance, Method method, double timeout) throws Throwable {
        method.setAccessible(true);
        Object result;
        try {
            result = method.invoke(instance);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Deferred<?> deferred) {
            ReactorDriver.await(Reactor.reactor, deferred, timeout);
        } else if (result instanceof CompletionStage<?> stage) {
            ReactorDriver.await(Reactor.reactor, stage, timeout);
        } else if (result != null && method.getReturnType() != void.class) {
            throw new IllegalStateException(method.getName() + " returned " + result
                    + ": a trial test step returns nothing, null, a Deferred or a CompletionStage");
        }
    }

    private double timeoutSeconds(TestMethodDescriptor test) {
        Optional<Timeout> timeout = AnnotationSupport.findAnnotation(test.method(), Timeout.class)
                .or(() -> AnnotationSupport.findAnnotation(test.testClass(), Timeout.class));
        double seconds = timeout.isPresent()
                ? timeout.get().value()
                : configuration
                        .get(TrialExtension.TIMEOUT_PARAMETER)
                        .map(Double::parseDouble)
                        .orElse((double) TestCase.DEFAULT_TIMEOUT_SECONDS);
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a trial timeout must be a positive number of seconds, not " + seconds);
        }
        return seconds;
    }

    private static Optional<String> skipReason(java.lang.reflect.AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Skip.class).map(Skip::value);
    }
}
