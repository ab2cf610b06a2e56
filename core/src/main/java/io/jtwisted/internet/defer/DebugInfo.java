package io.jtwisted.internet.defer;

import org.jspecify.annotations.Nullable;

/**
 * Where a Deferred was created and first fired, recorded while {@link Deferred#setDebugging}
 * is on, as Twisted's {@code DebugInfo}. Holds stack traces only, never the Deferred, so an
 * unhandled-error report may keep it after the Deferred is gone.
 */
final class DebugInfo {
    private final Throwable creator;
    private volatile @Nullable Throwable invoker; // null until first fired

    private DebugInfo(Throwable creator) {
        this.creator = creator;
    }

    static DebugInfo created() {
        return new DebugInfo(new Throwable("created"));
    }

    /** Records the first firing; later firings raise AlreadyCalledError and are not recorded. */
    void invoked() {
        if (invoker == null) {
            invoker = new Throwable("invoked");
        }
    }

    /**
     * Twisted's layout: {@code " C: Deferred was created:"} and {@code " I: First Invoker was:"},
     * each followed by its frames, every line prefixed by the same tag. The frames of the
     * Deferred machinery itself are left out: they say nothing about the caller.
     */
    String tracebacks() {
        StringBuilder out = new StringBuilder();
        append(out, " C: Deferred was created:", " C:", creator);
        Throwable firstInvoker = invoker;
        if (firstInvoker != null) {
            append(out, " I: First Invoker was:", " I:", firstInvoker);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String title, String tag, Throwable where) {
        out.append(title).append('\n');
        for (StackTraceElement frame : where.getStackTrace()) {
            String type = frame.getClassName();
            if (type.equals(DebugInfo.class.getName())
                    || type.equals(Deferred.class.getName())
                    || type.startsWith(Deferred.class.getName() + "$")) {
                continue;
            }
            out.append(tag).append("  at ").append(frame).append('\n');
        }
    }
}
