package io.jtwisted.internal.loop;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorCore.SystemEventTrigger;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The triggers of one system event type ("startup", "shutdown", ...), in three phases. Firing runs
 * the "before" triggers; when every Deferred they returned has fired, the "during" and then the
 * "after" triggers run. Each trigger runs once per firing and is then forgotten, as in Twisted.
 * Triggers may be added and removed from any thread; they run on the thread that fires the event,
 * outside the lock.
 */
final class ThreePhaseEvent {
    private static final Logger log = Logger.forClass(ThreePhaseEvent.class);

    /** The handle returned by {@code addSystemEventTrigger}: identifies one addition (by identity). */
    static final class Handle {
        private final String eventType;
        private final String phase;
        private final SystemEventTrigger trigger;

        Handle(String eventType, String phase, SystemEventTrigger trigger) {
            this.eventType = eventType;
            this.phase = phase;
            this.trigger = trigger;
        }

        String eventType() {
            return eventType;
        }

        String phase() {
            return phase;
        }

        SystemEventTrigger trigger() {
            return trigger;
        }

        @Override
        public String toString() {
            return "<trigger " + phase + " " + eventType + " " + trigger + ">";
        }
    }

    private final List<Handle> before = new ArrayList<>();
    private final List<Handle> during = new ArrayList<>();
    private final List<Handle> after = new ArrayList<>();
    private boolean firingBefore;
    private List<Handle> finishedBefore = new ArrayList<>();

    synchronized Handle add(String eventType, String phase, SystemEventTrigger trigger) {
        if (trigger == null) {
            throw new NullPointerException("trigger");
        }
        List<Handle> list = phaseList(phase);
        Handle handle = new Handle(eventType, phase, trigger);
        list.add(handle);
        return handle;
    }

    synchronized void remove(Handle handle) {
        boolean removed = phaseList(handle.phase()).remove(handle);
        if (!removed && !(firingBefore && finishedBefore.contains(handle))) {
            throw new IllegalArgumentException("no such system event trigger: " + handle);
        }
    }

    private List<Handle> phaseList(String phase) {
        return switch (phase) {
            case "before" -> before;
            case "during" -> during;
            case "after" -> after;
            default -> throw new IllegalArgumentException("invalid phase: " + phase + " (before, during or after)");
        };
    }

    void fire() {
        synchronized (this) {
            firingBefore = true;
            finishedBefore = new ArrayList<>();
        }
        List<Deferred<?>> waiting = new ArrayList<>();
        Handle handle;
        while ((handle = next(before, true)) != null) {
            Object result = call(handle);
            if (result instanceof Deferred<?> deferred) {
                waiting.add(deferred);
            }
        }
        if (waiting.isEmpty()) {
            continueFiring();
            return;
        }
        int[] pending = {waiting.size()};
        for (Deferred<?> deferred : waiting) {
            deferred.<@Nullable Object>addBoth(result -> {
                if (result instanceof Failure failure) {
                    log.failure("A before-phase system event trigger's Deferred failed", failure);
                }
                if (--pending[0] == 0) {
                    continueFiring();
                }
                return null;
            });
        }
    }

    private void continueFiring() {
        synchronized (this) {
            firingBefore = false;
            finishedBefore = new ArrayList<>();
        }
        Handle handle;
        while ((handle = next(during, false)) != null) {
            call(handle);
        }
        while ((handle = next(after, false)) != null) {
            call(handle);
        }
    }

    private synchronized @Nullable Handle next(List<Handle> phase, boolean rememberAsFinished) {
        if (phase.isEmpty()) {
            return null;
        }
        Handle handle = phase.remove(0);
        if (rememberAsFinished) {
            finishedBefore.add(handle);
        }
        return handle;
    }

    private static @Nullable Object call(Handle handle) {
        try {
            return handle.trigger().call();
        } catch (Throwable error) {
            Failure.rethrowIfFatal(error);
            log.failure(
                    "Error in {} {} system event trigger {}",
                    error,
                    handle.phase(),
                    handle.eventType(),
                    handle.trigger());
            return null;
        }
    }
}
