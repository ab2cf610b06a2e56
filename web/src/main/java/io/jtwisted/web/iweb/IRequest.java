package io.jtwisted.web.iweb;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.web.http.Cookie;
import io.jtwisted.web.http.FormPart;
import io.jtwisted.web.http.Headers;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as resources see it, as Twisted's {@code iweb.IRequest}. The server's {@code
 * io.jtwisted.web.server.Request} implements it; each method is documented there (on {@code
 * io.jtwisted.web.http.Request} for the HTTP-level ones). All methods run on the reactor thread.
 */
public interface IRequest extends IConsumer {
    String method();

    String uri();

    String path();

    String clientproto();

    Headers requestHeaders();

    String getHeader(String name);

    Map<String, List<String>> args();

    String getArg(String name);

    Map<String, List<FormPart>> uploads();

    byte[] content();

    InputStream contentStream();

    Map<String, String> receivedCookies();

    String getCookie(String name);

    IAddress getClientAddress();

    String getClientAddressString();

    IAddress getHost();

    boolean isSecure();

    String getRequestHostname();

    void setResponseCode(int code);

    void setResponseCode(int code, String message);

    int code();

    Headers responseHeaders();

    void setHeader(String name, String value);

    void addCookie(Cookie cookie);

    void addCookie(String name, String value);

    void redirect(String url);

    boolean startedWriting();

    boolean finished();

    void write(String text);

    void finish();

    Deferred<Void> notifyFinish();

    void processingFailed(Failure reason);

    void loseConnection();

    /** The path segments already used to find the resource (decoded), as Twisted's {@code prepath}. */
    List<String> prepath();

    /** The path segments still to be used (decoded), as Twisted's {@code postpath}. */
    List<String> postpath();

    /** The URL of the resource being rendered: scheme, host, port and {@link #prepath()}. */
    String prePathURL();

    /** The session of this client, made (and its cookie set) on first use. */
    ISession getSession();
}
