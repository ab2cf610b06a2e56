package io.jtwisted.trial;

import io.jtwisted.internet.Reactor;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Trial for JUnit 5: {@code @ExtendWith(TrialExtension.class)} on a test class gives its tests
 * what Twisted's trial gives a {@code TestCase}:
 *
 * <ul>
 *   <li>{@link Trial#await(io.jtwisted.internet.defer.Deferred) Trial.await(d)} runs the reactor
 *       until {@code d} fires and returns its result, or throws the original exception of a
 *       failure, so the test fails with the original traceback. JUnit only runs {@code void} test
 *       methods, so where a trial test returns its Deferred, a JUnit test ends with
 *       {@code Trial.await(d)} (or extends {@link io.jtwisted.trial.unittest.TestCase}, whose
 *       tests may return it). A Deferred that does not fire in time fails the test with a
 *       {@link io.jtwisted.internet.defer.TimeoutError}: after the method's or class's
 *       {@link Timeout @Timeout} (which JUnit enforces too, reporting its own
 *       {@code TimeoutException}), else the {@value #TIMEOUT_PARAMETER} configuration parameter,
 *       else JUnit's default test-method timeout ({@code junit.jupiter.execution.timeout.*}),
 *       else {@value #DEFAULT_TIMEOUT_SECONDS} seconds. The timed-out Deferred is cancelled.
 *   <li>After each test, a dirty reactor fails it with a {@link DirtyReactorAggregateError}
 *       listing what was left: pending delayed calls, registered channels (listening ports,
 *       connections), busy thread-pool threads. They are cancelled, closed and stopped first,
 *       so the next test starts clean. The global {@link Reactor#reactor} is checked, and every
 *       reactor passed to {@link Trial#await(Reactor, io.jtwisted.internet.defer.Deferred)}.
 *   <li>An error logged during the test (a log event carrying a failure, such as an unhandled
 *       error in a Deferred or a protocol) fails it with {@link UnflushedLoggedErrors}, unless the
 *       test consumed it with {@link Trial#flushLoggedErrors}.
 * </ul>
 *
 * <p>Tests using this extension must not run in parallel with each other: they share the
 * global reactor and the global log publisher, as trial's tests do.
 */
public class TrialExtension implements BeforeEachCallback, AfterEachCallback {
    /** The timeout, in seconds, of a test without {@link Timeout @Timeout}, as trial's. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;

    /**
     * The JUnit configuration parameter giving, in seconds, the timeout of tests without
     * {@link Timeout @Timeout} (e.g. {@code -Djtwisted.trial.timeout=30}, or in
     * {@code junit-platform.properties}).
     */
    public static final String TIMEOUT_PARAMETER = "jtwisted.trial.timeout";

    private static final List<String> JUNIT_TIMEOUT_PARAMETERS = List.of(
            "junit.jupiter.execution.timeout.test.method.default",
            "junit.jupiter.execution.timeout.testable.method.default",
            "junit.jupiter.execution.timeout.default");
    private static final Pattern JUNIT_DURATION = Pattern.compile("(\\d+)\\s*(ns|μs|ms|s|m|h|d)?");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrialExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(TrialContext.class, TrialContext.begin(timeoutSeconds(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TrialContext trial = context.getStore(NAMESPACE).remove(TrialContext.class, TrialContext.class);
        if (trial == null) {
            return;
        }
        trial.endAndCheck();
    }

    private static double timeoutSeconds(ExtensionContext context) {
        Optional<Timeout> timeout = context.getTestMethod().flatMap(m -> find(m));
        for (Optional<Class<?>> type = context.getTestClass();
                timeout.isEmpty() && type.isPresent();
                type = Optional.ofNullable(type.get().getEnclosingClass())) {
            timeout = find(type.get());
        }
        if (timeout.isPresent()) {
            return timeout.get().unit().toNanos(timeout.get().value()) / 1e9;
        }
        Optional<Double> configured =
                context.getConfigurationParameter(TIMEOUT_PARAMETER).map(Double::parseDouble);
        // JUnit's own default timeouts, most specific first: it interrupts the test when they
        // expire, so waiting longer than they allow would only keep the reactor spinning.
        for (String parameter : JUNIT_TIMEOUT_PARAMETERS) {
            if (configured.isPresent()) {
                break;
            }
            configured = context.getConfigurationParameter(parameter).flatMap(TrialExtension::parseJUnitDuration);
        }
        return configured.orElse((double) DEFAULT_TIMEOUT_SECONDS);
    }

    /** Parses JUnit's timeout syntax ({@code "5"}, {@code "5 s"}, {@code "500ms"}, {@code "2 m"}) into seconds. */
    static Optional<Double> parseJUnitDuration(String value) {
        Matcher m = JUNIT_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return Optional.of(
                switch (unit) {
                    case "ns" -> amount / 1e9;
                    case "μs" -> amount / 1e6;
                    case "ms" -> amount / 1e3;
                    case "m" -> amount * 60;
                    case "h" -> amount * 3600;
                    case "d" -> amount * 86400;
                    default -> amount;
                });
    }

    private static Optional<Timeout> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Timeout.class);
    }
}
