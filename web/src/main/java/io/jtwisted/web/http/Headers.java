package io.jtwisted.web.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * HTTP headers, as Twisted's {@code twisted.web.http_headers.Headers}: an ordered list of
 * (name, value) pairs, with case-insensitive names. A name may appear more than once; the order
 * of the values of one name is kept. Names keep the case they were given in (the request parser
 * gives lower-case names), and are compared without regard to case.
 *
 * <p>Not thread-safe: used on the reactor thread only.
 */
public final class Headers {
    // Only [0, size) is ever read; freed slots hold FREED rather than null, so no removed header
    // stays reachable and every element read is a real name or value.
    private static final String FREED = "";
    private String[] names = new String[16];
    private String[] values = new String[16];
    private int size;

    /** An empty set of headers. */
    public Headers() {}

    /** Adds one value for {@code name}, after any it has already. */
    public void addRawHeader(String name, String value) {
        if (size == names.length) {
            names = java.util.Arrays.copyOf(names, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /** Replaces every value of {@code name} by {@code value}. */
    public void setRawHeader(String name, String value) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                names[i] = name;
                values[i] = value;
                for (int j = i + 1; j < size; j++) {
                    if (names[j].equalsIgnoreCase(name)) {
                        removeHeader(name); // several values: drop them all, then add the one
                        addRawHeader(name, value);
                        return;
                    }
                }
                return;
            }
        }
        addRawHeader(name, value);
    }

    /** Replaces every value of {@code name} by {@code values}, in order. */
    public void setRawHeaders(String name, List<String> newValues) {
        removeHeader(name);
        for (String v : newValues) {
            addRawHeader(name, v);
        }
    }

    /** Every value of {@code name}, in order; an empty list when there is none. */
    public List<String> getRawHeaders(String name) {
        List<String> found = null;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(values[i]);
            }
        }
        return found == null ? Collections.emptyList() : found;
    }

    /** The first value of {@code name}, or {@code null} when it has none. */
    public @Nullable String getFirst(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** How many values {@code name} has. */
    public int count(String name) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                n++;
            }
        }
        return n;
    }

    /** True when {@code name} has at least one value. */
    public boolean hasHeader(String name) {
        return getFirst(name) != null;
    }

    /** Removes every value of {@code name}. */
    public void removeHeader(String name) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (!names[r].equalsIgnoreCase(name)) {
                names[w] = names[r];
                values[w] = values[r];
                w++;
            }
        }
        for (int i = w; i < size; i++) {
            names[i] = FREED;
            values[i] = FREED;
        }
        size = w;
    }

    /** The number of (name, value) pairs. */
    public int size() {
        return size;
    }

    /** The name of the {@code i}-th pair, in the order they were added. */
    public String name(int i) {
        return names[checked(i)];
    }

    /** The value of the {@code i}-th pair. */
    public String value(int i) {
        return values[checked(i)];
    }

    /** Calls {@code action} with each (name, value) pair, in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** Removes every header. */
    public void clear() {
        java.util.Arrays.fill(names, 0, size, FREED);
        java.util.Arrays.fill(values, 0, size, FREED);
        size = 0;
    }

    private int checked(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Headers{");
        for (int i = 0; i < size; i++) {
            s.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(values[i]);
        }
        return s.append('}').toString();
    }
}
