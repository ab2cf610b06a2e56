package io.jtwisted.internet.task;

import io.jtwisted.internet.error.ReactorNotRunning;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.ArrayList;
import java.util.List;

/**
 * test_task's {@code _FakeReactor}: a reactor whose time is a {@link Clock} and whose loop jumps
 * from one delayed call to the next. Supports "before" and "during" shutdown triggers only.
 */
final class FakeReactor implements IReactorCore, IReactorTime {
    private final Clock clock = new Clock();
    private boolean running;
    private List<ThrowingRunnable> whenRunning = new ArrayList<>();
    private final List<SystemEventTrigger> beforeShutdown = new ArrayList<>();
    private final List<SystemEventTrigger> duringShutdown = new ArrayList<>();

    @Override
    public double seconds() {
        return clock.seconds();
    }

    @Override
    public IDelayedCall callLater(double delay, ThrowingRunnable callable) {
        return clock.callLater(delay, callable);
    }

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        return clock.getDelayedCalls();
    }

    @Override
    public void callWhenRunning(ThrowingRunnable callable) {
        if (whenRunning == null) {
            runUnchecked(callable);
        } else {
            whenRunning.add(callable);
        }
    }

    @Override
    public Object addSystemEventTrigger(String phase, String eventType, SystemEventTrigger trigger) {
        if (!"shutdown".equals(eventType)) {
            throw new IllegalArgumentException("only shutdown triggers: " + eventType);
        }
        switch (phase) {
            case "before" -> beforeShutdown.add(trigger);
            case "during" -> duringShutdown.add(trigger);
            default -> throw new IllegalArgumentException("only before and during: " + phase);
        }
        return trigger;
    }

    @Override
    public void removeSystemEventTrigger(Object triggerId) {
        beforeShutdown.remove(triggerId);
        duringShutdown.remove(triggerId);
    }

    @Override
    public void fireSystemEvent(String eventType) {
        throw new UnsupportedOperationException();
    }

    /** Runs the delayed calls in time order until stopped; fails when none is left while running. */
    @Override
    public void run() {
        running = true;
        List<ThrowingRunnable> startup = whenRunning;
        whenRunning = null;
        for (ThrowingRunnable callable : startup) {
            runUnchecked(callable);
        }
        while (running) {
            List<IDelayedCall> calls = getDelayedCalls();
            if (calls.isEmpty()) {
                throw new IllegalStateException("No DelayedCalls left");
            }
            double next =
                    calls.stream().mapToDouble(IDelayedCall::getTime).min().orElseThrow();
            clock.advance(next - seconds());
        }
        List<SystemEventTrigger> triggers = new ArrayList<>(beforeShutdown);
        triggers.addAll(duringShutdown);
        for (SystemEventTrigger trigger : triggers) {
            try {
                trigger.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void stop() {
        if (!running) {
            throw new ReactorNotRunning();
        }
        running = false;
    }

    @Override
    public void iterate(double delay) {}

    @Override
    public void crash() {
        running = false;
    }

    @Override
    public boolean running() {
        return running;
    }

    private static void runUnchecked(ThrowingRunnable callable) {
        try {
            callable.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
