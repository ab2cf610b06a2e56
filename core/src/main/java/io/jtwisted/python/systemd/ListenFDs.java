package io.jtwisted.python.systemd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sockets systemd passed to this process (socket activation), as Twisted's
 * {@code twisted.python.systemd.ListenFDs}: {@code LISTEN_FDS} descriptors starting at 3, provided
 * {@code LISTEN_PID} is this process's id; {@code LISTEN_FDNAMES} (colon-separated) names them, as
 * the {@code FileDescriptorName=} of their {@code .socket} units.
 *
 * <p>Twisted removes these variables from its environment once read, so that child processes do
 * not think the sockets are theirs; Java cannot change its own environment, but a child's pid never
 * equals {@code LISTEN_PID}, so a child that checks it (as this class does) takes nothing. A map
 * passed to {@link #fromEnvironment(Map, long, int)} that can be changed loses them, as Twisted's.
 */
public final class ListenFDs {
    /** The first descriptor systemd passes (sd_listen_fds' {@code SD_LISTEN_FDS_START}). */
    public static final int START = 3;

    private final List<Integer> descriptors;
    private final List<String> names;

    /**
     * @param descriptors the inherited descriptors, in order
     * @param names their names, in the same order ({@code "unknown"} where systemd gave none)
     */
    public ListenFDs(List<Integer> descriptors, List<String> names) {
        if (descriptors.size() != names.size()) {
            throw new IllegalArgumentException(descriptors.size() + " descriptors but " + names.size() + " names");
        }
        this.descriptors = List.copyOf(descriptors);
        this.names = List.copyOf(names);
    }

    private static @Nullable ListenFDs process; // read on first use

    /**
     * What this process's environment says (nothing when it was not started by socket activation);
     * read once, the same object every time after.
     */
    public static synchronized ListenFDs fromEnvironment() {
        if (process == null) {
            process = fromEnvironment(System.getenv(), ProcessHandle.current().pid(), START);
        }
        return process;
    }

    /**
     * What {@code environ} says for the process {@code pid}: no descriptors unless {@code LISTEN_PID}
     * is {@code pid} and {@code LISTEN_FDS} a count; names from {@code LISTEN_FDNAMES} when it has
     * one name per descriptor, else {@code "unknown"} for each (as sd_listen_fds_with_names).
     */
    public static ListenFDs fromEnvironment(Map<String, String> environ, long pid, int start) {
        long listenPid;
        int count;
        try {
            listenPid = Long.parseLong(environ.getOrDefault("LISTEN_PID", "").trim());
            count = Integer.parseInt(environ.getOrDefault("LISTEN_FDS", "").trim());
        } catch (NumberFormatException absent) {
            return new ListenFDs(List.of(), List.of());
        }
        if (listenPid != pid || count <= 0) {
            return new ListenFDs(List.of(), List.of());
        }
        String joined = environ.get("LISTEN_FDNAMES");
        forget(environ);
        List<Integer> descriptors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            descriptors.add(start + i);
        }
        List<String> names = joined == null ? List.of() : List.of(joined.split(":", -1));
        if (names.size() != count) {
            names = Collections.nCopies(count, "unknown");
        }
        return new ListenFDs(descriptors, names);
    }

    private static void forget(Map<String, String> environ) {
        try {
            environ.remove("LISTEN_PID");
            environ.remove("LISTEN_FDS");
            environ.remove("LISTEN_FDNAMES");
        } catch (UnsupportedOperationException readOnly) {
            // System.getenv(): the pid check keeps children from taking the sockets
        }
    }

    /** The inherited descriptors, in systemd's order. */
    public List<Integer> inheritedDescriptors() {
        return descriptors;
    }

    /** The inherited descriptors by name ({@code FileDescriptorName=}); the first of equal names wins. */
    public Map<String, Integer> inheritedNamedDescriptors() {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < descriptors.size(); i++) {
            byName.putIfAbsent(names.get(i), descriptors.get(i));
        }
        return Collections.unmodifiableMap(byName);
    }

    @Override
    public String toString() {
        return "ListenFDs" + descriptors + names;
    }
}
