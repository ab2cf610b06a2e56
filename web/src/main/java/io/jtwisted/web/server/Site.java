package io.jtwisted.web.server;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.web.http.HTTPFactory;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.IResource;
import io.jtwisted.web.resource.Resource;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A web site, as Twisted's {@code server.Site}: the factory to listen with, serving one
 * resource tree. Each request is a {@link Request} that walks the tree from {@link #resource()}.
 *
 * <pre>{@code
 * Site site = new Site(new File(Path.of(".")));
 * new TCP4ServerEndpoint(reactor, 8080).listen(site);
 * }</pre>
 *
 * <p>Sessions ({@code request.getSession()}) live in memory here and expire after {@link
 * #sessionTimeout()} seconds without use (Twisted's default, 900).
 */
public class Site extends HTTPFactory {
    /** Twisted's {@code server.NOT_DONE_YET}: the same object as {@link Resource#NOT_DONE_YET}. */
    public static final byte[] NOT_DONE_YET = Resource.NOT_DONE_YET;

    private final IResource resource;
    private final Map<String, Session> sessions = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private double sessionTimeout = 900;

    /** A site serving {@code resource}, on the global reactor. */
    public Site(IResource resource) {
        this(resource, Reactor.reactor);
    }

    /** A site serving {@code resource}, whose timeouts, dates and sessions use {@code reactor}. */
    @SuppressWarnings("this-escape") // the default request factory is set at construction, as Twisted's Site
    public Site(IResource resource, IReactorTime reactor) {
        super(reactor);
        this.resource = Objects.requireNonNull(resource, "resource");
        setRequestFactory(Request::new);
    }

    /** The root of the tree. */
    public IResource resource() {
        return resource;
    }

    /** Finds the resource for {@code request} by walking its postpath from the root. */
    public IResource getResourceFor(IRequest request) {
        return Resource.getChildForRequest(resource, request);
    }

    /** Seconds a session lives without use. */
    public double sessionTimeout() {
        return sessionTimeout;
    }

    /** Sets {@link #sessionTimeout()} for sessions made afterwards and for every touch. */
    public void setSessionTimeout(double seconds) {
        this.sessionTimeout = seconds;
    }

    /** Makes a new session with a random 64-hex-digit uid, and keeps it until it expires. */
    public Session makeSession() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String uid = HexFormat.of().formatHex(bytes);
        Session session = new Session(this, uid);
        sessions.put(uid, session);
        return session;
    }

    /** The live session {@code uid}, or {@code null}. */
    public @Nullable Session getSession(String uid) {
        return sessions.get(uid);
    }

    void forgetSession(String uid) {
        sessions.remove(uid);
    }
}
