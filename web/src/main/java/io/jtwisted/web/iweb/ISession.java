package io.jtwisted.web.iweb;

import org.jspecify.annotations.Nullable;

/**
 * A server-side session, as Twisted's {@code server.Session}: identified by a random {@link #uid()}
 * kept in a cookie, held in memory by the site, and expired after a period without use.
 */
public interface ISession {
    /** The session's identifier (the value of its cookie). */
    String uid();

    /** Marks the session as used now, postponing its expiry. */
    void touch();

    /** Ends the session now: it is forgotten and its expiry callbacks run. */
    void expire();

    /** Runs {@code callback} when the session expires (or is expired). */
    void notifyOnExpire(Runnable callback);

    /** The value stored under {@code key}, or {@code null} (Twisted stores components; a map serves Java better). */
    @Nullable
    Object getAttribute(String key);

    /** Stores {@code value} under {@code key} for the session's lifetime; {@code null} removes it. */
    void setAttribute(String key, Object value);
}
