package io.jtwisted.web.server;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.web.http.Cookie;
import io.jtwisted.web.http.HTTPChannel;
import io.jtwisted.web.http.Http;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.iweb.ISession;
import io.jtwisted.web.resource.ErrorPage;
import io.jtwisted.web.resource.IResource;
import io.jtwisted.web.resource.Resource;
import io.jtwisted.web.resource.UnsupportedMethod;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request to a {@link Site}, as Twisted's {@code server.Request}: splits the path into decoded
 * segments ({@link #postpath()}), finds the resource, and renders it. A resource's {@code
 * render} returns the whole body (written with a {@code Content-Length}), or {@link
 * Resource#NOT_DONE_YET} when it will write and finish the request itself; an exception, or a
 * {@link UnsupportedMethod} (405 with {@code Allow}), is answered here.
 *
 * <p>Path segments are percent-decoded as UTF-8 (malformed sequences become U+FFFD), so a
 * segment may contain characters such as '/' that were encoded: resources mapping segments to
 * files must refuse those (static.File does).
 */
public class Request extends io.jtwisted.web.http.Request implements IRequest {
    private final Site site;
    private final List<String> prepath = new ArrayList<>();
    private List<String> postpath = new ArrayList<>();
    private List<String> sitepath = List.of();
    private @Nullable Session session; // made or found on first getSession

    /** A request arriving on {@code channel}, whose factory must be a {@link Site}. */
    public Request(HTTPChannel channel) {
        super(channel);
        this.site = (Site) channel.site();
    }

    /** The site this request is for. */
    public Site site() {
        return site;
    }

    @Override
    protected void process() {
        postpath = splitPath(path());
        prepath.clear();
        sitepath = List.copyOf(prepath);
        render(site.getResourceFor(this));
    }

    /** The decoded segments of {@code path} after its leading '/' ("/a/b/" gives a, b and ""). */
    static List<String> splitPath(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        List<String> segments = new ArrayList<>();
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            segments.add(unquote(path, start, end));
            if (slash < 0) {
                return segments;
            }
            start = slash + 1;
        }
    }

    private static String unquote(String s, int from, int to) {
        if (s.indexOf('%', from) < 0 || s.indexOf('%', from) >= to) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int hi;
            int lo;
            if (c == '%'
                    && i + 2 < to
                    && (hi = Character.digit(s.charAt(i + 1), 16)) >= 0
                    && (lo = Character.digit(s.charAt(i + 2), 16)) >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Renders {@code resource}: writes what its {@code render} returns and finishes, unless it
     * returned {@link Resource#NOT_DONE_YET}. For HEAD the length is sent but not the body.
     */
    public void render(IResource resource) {
        byte[] body;
        try {
            body = resource.render(this);
        } catch (UnsupportedMethod unsupported) {
            List<String> allowed = unsupported.allowedMethods();
            setHeader("Allow", String.join(", ", allowed));
            String detail = "Your browser approached me (at " + uri() + ") with the method \"" + method()
                    + "\".  I only allow the method" + (allowed.size() == 1 ? " " : "s ") + String.join(", ", allowed)
                    + " here.";
            body = new ErrorPage(Http.NOT_ALLOWED, "Method Not Allowed", detail).render(this);
        } catch (RuntimeException e) {
            processingFailed(new Failure(e));
            return;
        }
        if (body == Resource.NOT_DONE_YET) {
            return;
        }
        if (body == null) {
            processingFailed(new Failure(new IllegalStateException(
                    resource + ".render returned null: return the body's bytes, or NOT_DONE_YET")));
            return;
        }
        if (finished()) {
            return;
        }
        if (!startedWriting()) {
            setHeader("Content-Length", Integer.toString(body.length));
        }
        if (!"HEAD".equals(method())) {
            write(body);
        }
        finish();
    }

    @Override
    public List<String> prepath() {
        return prepath;
    }

    @Override
    public List<String> postpath() {
        return postpath;
    }

    /** The prepath at the time the site started traversal (the site's own place in a larger tree). */
    public List<String> sitepath() {
        return sitepath;
    }

    @Override
    public String prePathURL() {
        StringBuilder b = new StringBuilder(isSecure() ? "https://" : "http://");
        String host = getHeader("host");
        if (host == null) {
            IAddress h = getHost();
            int port = h instanceof IPv4Address v4 ? v4.port() : h instanceof IPv6Address v6 ? v6.port() : 80;
            host = getRequestHostname() + (port == (isSecure() ? 443 : 80) ? "" : ":" + port);
        }
        b.append(host);
        for (String segment : prepath) {
            b.append('/').append(quoteSegment(segment));
        }
        if (prepath.isEmpty()) {
            b.append('/');
        }
        return b.toString();
    }

    /**
     * Percent-encodes what may not appear in a path segment, and ':' too, so that the result is
     * safe as a relative link (a name like "javascript:x" cannot pass for a scheme).
     */
    public static String quoteSegment(String segment) {
        StringBuilder b = new StringBuilder(segment.length());
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    @Override
    public ISession getSession() {
        if (session != null) {
            session.touch();
            return session;
        }
        String cookieName =
                String.join("_", concat(isSecure() ? "TWISTED_SECURE_SESSION" : "TWISTED_SESSION", sitepath));
        String uid = getCookie(cookieName);
        Session found = uid == null ? null : site.getSession(uid);
        if (found != null) {
            found.touch();
            session = found;
            return found;
        }
        session = site.makeSession();
        Cookie cookie = Cookie.of(cookieName, session.uid()).path("/" + String.join("/", sitepath));
        addCookie(isSecure() ? cookie.withSecure() : cookie);
        return session;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
