package io.jtwisted.internet.task;

/** {@link CooperativeTask#resume()} was called more often than {@link CooperativeTask#pause()}. */
public class NotPaused extends SchedulerError {
    private static final long serialVersionUID = 1L;

    public NotPaused() {
        super("the task is not paused");
    }
}
