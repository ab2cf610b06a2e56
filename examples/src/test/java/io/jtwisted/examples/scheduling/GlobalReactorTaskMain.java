package io.jtwisted.examples.scheduling;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.CooperativeTask;
import io.jtwisted.internet.task.SystemExit;
import io.jtwisted.internet.task.Task;
import java.util.Iterator;
import java.util.List;

/**
 * Run by {@link GlobalReactorTaskTest} in a child JVM: {@link Task#react(io.jtwisted.python.failure.ThrowingFunction)}
 * on the global reactor, with the global cooperator doing the work. The argument chooses the
 * outcome: {@code ok} (exit 0), {@code fail} (exit 1), {@code exit7} (exit 7).
 */
public final class GlobalReactorTaskMain {
    private GlobalReactorTaskMain() {}

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "ok";
        Task.react(reactor -> {
            System.out.println("same reactor: " + (reactor == Reactor.reactor));
            Iterator<String> words = List.of("one", "two", "three").iterator();
            Iterator<String> printing = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return words.hasNext();
                }

                @Override
                public String next() {
                    String word = words.next();
                    System.out.println(word);
                    return word;
                }
            };
            CooperativeTask<String> task = Task.cooperate(printing);
            Deferred<Iterator<String>> done = task.whenDone();
            return done.addCallback(iterator -> {
                System.out.println("done");
                switch (mode) {
                    case "fail" -> throw new IllegalStateException("main failed");
                    case "exit7" -> throw new SystemExit(7);
                    default -> {
                        return null;
                    }
                }
            });
        });
    }
}
