package io.jtwisted.trial;

import io.jtwisted.python.failure.Failure;
import java.util.List;

/**
 * Errors were logged during a test and not consumed with {@link Trial#flushLoggedErrors}: as
 * in trial, an error that reached the log fails the test. The first failure is the cause, the
 * others are suppressed exceptions, so every original traceback is reported.
 */
public class UnflushedLoggedErrors extends AssertionError {
    private final transient List<Failure> failures;

    /** @param failures the failures logged and not flushed, in the order they were logged (at least one) */
    @SuppressWarnings("this-escape") // the other failures are attached as suppressed exceptions while it is built
    public UnflushedLoggedErrors(List<Failure> failures) {
        super(describe(failures), failures.get(0).value());
        this.failures = List.copyOf(failures);
        for (Failure failure : failures.subList(1, failures.size())) {
            addSuppressed(failure.value());
        }
    }

    /** The logged failures that were not flushed. */
    public List<Failure> failures() {
        return failures;
    }

    private static String describe(List<Failure> failures) {
        StringBuilder out = new StringBuilder();
        out.append(failures.size())
                .append(" logged error(s) not flushed (use Trial.flushLoggedErrors for expected ones):");
        for (Failure failure : failures) {
            out.append("\n  ").append(failure.getBriefTraceback());
        }
        return out.toString();
    }
}
