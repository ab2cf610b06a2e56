package io.jtwisted.web.http;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A cookie to set with {@link Request#addCookie(Cookie)}, as the keyword arguments of Twisted's
 * {@code request.addCookie}: {@code Cookie.of("id", "42").path("/").maxAge(3600).withHttpOnly()}.
 * Immutable; each method returns a new cookie. The attributes left unset ({@code path}, {@code
 * domain}, {@code maxAge}, {@code expires}, {@code sameSite}) are {@code null} and not sent, as
 * Twisted's {@code None} defaults.
 */
public record Cookie(
        String name,
        String value,
        @Nullable String path,
        @Nullable String domain,
        @Nullable Long maxAge,
        @Nullable String expires,
        boolean secure,
        boolean httpOnly,
        @Nullable String sameSite) {
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        for (@Nullable String part : new @Nullable String[] {name, value, path, domain, expires, sameSite}) {
            if (part != null && (part.indexOf(';') >= 0 || part.indexOf('\r') >= 0 || part.indexOf('\n') >= 0)) {
                throw new IllegalArgumentException("a cookie attribute must not contain ';', CR or LF: " + part);
            }
        }
    }

    /** A session cookie with only a name and a value. */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, null, null, null, null, false, false, null);
    }

    /** Sets {@code Path}. */
    public Cookie path(String p) {
        return new Cookie(name, value, p, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    /** Sets {@code Domain}. */
    public Cookie domain(String d) {
        return new Cookie(name, value, path, d, maxAge, expires, secure, httpOnly, sameSite);
    }

    /** Sets {@code Max-Age}, in seconds. */
    public Cookie maxAge(long seconds) {
        return new Cookie(name, value, path, domain, seconds, expires, secure, httpOnly, sameSite);
    }

    /** Sets {@code Expires} to an HTTP date (see {@link Http#datetimeToString}). */
    public Cookie expires(String httpDate) {
        return new Cookie(name, value, path, domain, maxAge, httpDate, secure, httpOnly, sameSite);
    }

    /** Adds {@code Secure}: sent over TLS only. */
    public Cookie withSecure() {
        return new Cookie(name, value, path, domain, maxAge, expires, true, httpOnly, sameSite);
    }

    /** Adds {@code HttpOnly}: hidden from scripts. */
    public Cookie withHttpOnly() {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, true, sameSite);
    }

    /** "Strict", "Lax" or "None". */
    public Cookie sameSite(String policy) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, policy);
    }

    /** The value of the {@code Set-Cookie} header. */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder(name).append('=').append(value);
        if (expires != null) {
            b.append("; Expires=").append(expires);
        }
        if (domain != null) {
            b.append("; Domain=").append(domain);
        }
        if (path != null) {
            b.append("; Path=").append(path);
        }
        if (maxAge != null) {
            b.append("; Max-Age=").append(maxAge);
        }
        if (secure) {
            b.append("; Secure");
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        if (sameSite != null) {
            b.append("; SameSite=").append(sameSite);
        }
        return b.toString();
    }
}
