package io.jtwisted.trial.unittest;

import org.opentest4j.TestAbortedException;

/**
 * Thrown by a {@link TestCase} test (or its {@code setUp}, or as the failure of a Deferred they
 * return) to skip itself, as trial's {@code SkipTest}: the test is reported as skipped (aborted,
 * in JUnit's terms) with the message as the reason, not as failed.
 */
public class SkipTest extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    /** @param reason why the test is skipped */
    public SkipTest(String reason) {
        super(reason);
    }
}
