package io.jtwisted.internal.reactor;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.defer.Failure;
import io.jtwisted.internet.interfaces.IReactorCore.SystemEventTrigger;
import io.jtwisted.logger.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * The triggers of one system event type ("startup", "shutdown", ...), in three phases. Firing runs
 * the "before" triggers; when every Deferred they returned has fired, the "during" and then the
 * "after" triggers run. Each trigger runs once per firing and is then forgotten, as in Twisted.
 */
final class ThreePhaseEvent {
    private static final Logger log = Logger.forClass(ThreePhaseEvent.class);

    /** The handle returned by {@code addSystemEventTrigger}. */
    record Handle(String eventType, String phase, SystemEventTrigger trigger) {
    }

    private final List<Handle> before = new ArrayList<>();
    private final List<Handle> during = new ArrayList<>();
    private final List<Handle> after = new ArrayList<>();
    private boolean firingBefore;
    private List<Handle> finishedBefore = new ArrayList<>();

    Handle add(String eventType, String phase, SystemEventTrigger trigger) {
        Handle handle = new Handle(eventType, phase, trigger);
        phaseList(phase).add(handle);
        return handle;
    }

    void remove(Handle handle) {
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
        firingBefore = true;
        finishedBefore = new ArrayList<>();
        List<Deferred<?>> waiting = new ArrayList<>();
        while (!before.isEmpty()) {
            Handle handle = before.remove(0);
            finishedBefore.add(handle);
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
            deferred.addBoth(result -> {
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
        firingBefore = false;
        finishedBefore = new ArrayList<>();
        while (!during.isEmpty()) {
            call(during.remove(0));
        }
        while (!after.isEmpty()) {
            call(after.remove(0));
        }
    }

    private static Object call(Handle handle) {
        try {
            return handle.trigger().call();
        } catch (Throwable error) {
            NioReactor.rethrowIfFatal(error);
            log.failure("Error in {} {} system event trigger {}", error, handle.phase(), handle.eventType(), handle.trigger());
            return null;
        }
    }
}
