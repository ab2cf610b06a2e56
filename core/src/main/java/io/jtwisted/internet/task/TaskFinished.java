package io.jtwisted.internet.task;

/** The {@link CooperativeTask} has ended for good (completed, stopped or failed). */
public class TaskFinished extends SchedulerError {
    private static final long serialVersionUID = 1L;

    public TaskFinished(String message) {
        super(message);
    }
}
