package io.jtwisted.internet.task;

/** The {@link CooperativeTask} ended because its iterator threw, or a Deferred it yielded failed. */
public class TaskFailed extends TaskFinished {
    private static final long serialVersionUID = 1L;

    public TaskFailed() {
        super("the task failed");
    }
}
