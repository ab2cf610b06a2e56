package io.jtwisted.web.server;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.logger.Logger;
import io.jtwisted.web.iweb.ISession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory session, as Twisted's {@code server.Session}: it expires {@link
 * Site#sessionTimeout()} seconds after it was last {@linkplain #touch() touched}, on the site's
 * clock. {@code request.getSession()} touches it on each request that uses it.
 */
public class Session implements ISession {
    private static final Logger LOG = Logger.forClass(Session.class);
    private final Site site;
    private final String uid;
    private final Map<String, Object> attributes = new HashMap<>();
    private final List<Runnable> expireCallbacks = new ArrayList<>(0);
    private @Nullable IDelayedCall expireCall; // null once expired

    /** A session of {@code site} named {@code uid}; {@link Site#makeSession()} makes them. */
    @SuppressWarnings(
            "this-escape") // the expiry timer starts at construction, as Twisted's Session; it fires on a later turn
    public Session(Site site, String uid) {
        this.site = site;
        this.uid = uid;
        this.expireCall = site.reactor().callLater(site.sessionTimeout(), this::expire);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public void touch() {
        if (expireCall != null && expireCall.active()) {
            expireCall.reset(site.sessionTimeout());
        }
    }

    @Override
    public void expire() {
        site.forgetSession(uid);
        if (expireCall != null && expireCall.active()) {
            expireCall.cancel();
        }
        expireCall = null;
        List<Runnable> callbacks = List.copyOf(expireCallbacks);
        expireCallbacks.clear();
        for (Runnable c : callbacks) {
            try {
                c.run();
            } catch (RuntimeException e) {
                LOG.failure("Error in a session expiry callback", e);
            }
        }
    }

    @Override
    public void notifyOnExpire(Runnable callback) {
        expireCallbacks.add(callback);
    }

    @Override
    public @Nullable Object getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public void setAttribute(String key, Object value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }
}
