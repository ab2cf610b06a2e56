package io.jtwisted.internet.task;

/** The {@link CooperativeTask} completed: its iterator is exhausted. */
public class TaskDone extends TaskFinished {
    private static final long serialVersionUID = 1L;

    public TaskDone() {
        super("the task is done");
    }
}
