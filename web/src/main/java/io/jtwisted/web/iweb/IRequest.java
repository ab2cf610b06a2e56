package io.jtwisted.web.iweb;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.web.http.Cookie;
import io.jtwisted.web.http.FormPart;
import io.jtwisted.web.http.Headers;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as resources see it, as Twisted's {@code iweb.IRequest}. The server's {@code
 * io.jtwisted.web.server.Request} implements it; each method is documented there (on {@code
 * io.jtwisted.web.http.Request} for the HTTP-level ones). All methods run on the reactor thread.
 */
public interface IRequest extends IConsumer {
    /** The method, as sent ("GET", "POST", ...). */
    String method();

    /** The request target as sent, query included. */
    String uri();

    /** The request target without its query, still percent-encoded. */
    String path();

    /** "HTTP/1.1" or "HTTP/1.0". */
    String clientproto();

    /** The request's headers (names in lower case). */
    Headers requestHeaders();

    /** The first value of request header {@code name}, or {@code null} when it was not sent. */
    @Nullable
    String getHeader(String name);

    /** Arguments from the query string and a form body, decoded as UTF-8, in order. */
    Map<String, List<String>> args();

    /** The first value of argument {@code name}, or {@code null} when there is none. */
    @Nullable
    String getArg(String name);

    /** The parts of a {@code multipart/form-data} body, by field name. */
    Map<String, List<FormPart>> uploads();

    /** The request body (a copy). */
    byte[] content();

    /** The request body as a stream. */
    InputStream contentStream();

    /** The cookies the client sent, by name. */
    Map<String, String> receivedCookies();

    /** The value of cookie {@code name} the client sent, or {@code null} when it sent none. */
    @Nullable
    String getCookie(String name);

    /** The address of the client. */
    IAddress getClientAddress();

    /** The client's IP address as text, or "-". */
    String getClientAddressString();

    /** The address of this end of the connection. */
    IAddress getHost();

    /** True when the request came over TLS. */
    boolean isSecure();

    /** The host the client asked for (the {@code Host} header without its port), or this end's address. */
    String getRequestHostname();

    /** Sets the status code, with its standard reason phrase. */
    void setResponseCode(int code);

    /** Sets the status code and its reason phrase ({@code null}: the standard one). */
    void setResponseCode(int code, @Nullable String message);

    /** The status code of the response. */
    int code();

    /** The response's headers; changes after the first write are not sent. */
    Headers responseHeaders();

    /** Sets response header {@code name}, replacing its values. */
    void setHeader(String name, String value);

    /** Adds a {@code Set-Cookie} header. */
    void addCookie(Cookie cookie);

    /** Adds a {@code Set-Cookie} header with only a name and a value. */
    void addCookie(String name, String value);

    /** Answers 302 Found to {@code url}; the caller still finishes. */
    void redirect(String url);

    /** True once the response head has been written. */
    boolean startedWriting();

    /** True once the response is finished or the connection lost. */
    boolean finished();

    /** Writes {@code text} as UTF-8 (see {@link #write(byte[])}). */
    void write(String text);

    /**
     * True when {@link #writeFile} can send a file's bytes straight from the file system on this
     * connection (sendfile): a plain TCP or UNIX connection. False over TLS, through a wrapping
     * transport, after the connection is lost, and by default; callers then read the file and
     * {@code write} its bytes.
     */
    default boolean canWriteFile() {
        return false;
    }

    /**
     * Writes {@code count} bytes of {@code file} from {@code position} as part of the body, in
     * order with {@code write}, without reading them into the heap (see {@code
     * io.jtwisted.internet.interfaces.IFileRegionTransport} for the guarantees). With {@code
     * closeWhenDone} the connection closes the file once those bytes are sent, or when it is lost.
     *
     * @throws IllegalStateException when {@link #canWriteFile()} is false, or after {@link #finish()}
     */
    default void writeFile(FileChannel file, long position, long count, boolean closeWhenDone) {
        throw new IllegalStateException("this request cannot send file regions; write the file's bytes");
    }

    /** Ends the response; the connection goes on to the next request or closes. */
    void finish();

    /** Fires when the response is finished; fails when the connection is lost first. */
    Deferred<@Nullable Void> notifyFinish();

    /** Logs {@code reason} and answers 500 (or closes, if the head is already written). */
    void processingFailed(Failure reason);

    /** Closes the connection once what was written is sent. */
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
