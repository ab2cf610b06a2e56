package io.jtwisted.internet.task;

/** The {@link CooperativeTask} was stopped by {@link CooperativeTask#stop()}. */
public class TaskStopped extends TaskFinished {
    private static final long serialVersionUID = 1L;

    public TaskStopped() {
        super("the task was stopped");
    }
}
