package io.jtwisted.internet.task;

/**
 * A {@link Cooperator} or one of its {@link CooperativeTask}s was in a state that does not allow
 * the operation; never thrown as such, only through its subclasses.
 */
public class SchedulerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchedulerError(String message) {
        super(message);
    }
}
