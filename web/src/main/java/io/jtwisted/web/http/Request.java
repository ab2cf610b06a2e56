package io.jtwisted.web.http;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IFileRegionTransport;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request and its response, as Twisted's {@code http.Request}: what the client sent
 * (method, URI, headers, body, arguments, cookies) and the means to answer ({@link
 * #setResponseCode}, {@link #setHeader}, {@link #write}, {@link #finish}).
 *
 * <p>The response head is written by the first {@link #write} (or by {@link #finish}); headers
 * set afterwards are ignored. Framing is chosen then: the {@code Content-Length} the application
 * set, otherwise chunked encoding for HTTP/1.1 clients, otherwise (HTTP/1.0) the end of the
 * connection. {@code Date}, {@code Server} and {@code Content-Type: text/html} are added when the
 * application did not set them. CR and LF in header values are written as spaces, so no value can
 * split the response. A head written before the request's body is all in (from {@link
 * #gotLength}, say) says {@code Connection: close}, and the connection is not reused: should the
 * request finish before its body's end, the channel reads the rest, drops it, and closes.
 *
 * <p>Used on the reactor thread only. Override {@link #process()} to answer; {@code
 * io.jtwisted.web.server.Request} does so by rendering a resource.
 */
public class Request implements IConsumer {
    private static final Logger LOG = Logger.forClass(Request.class);
    private static final byte[] SERVER_LINE =
            ("Server: " + HTTPFactory.SERVER_VERSION + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CHUNKED_LINE = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CLOSE_LINE = "Connection: close\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] KEEP_ALIVE_LINE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONTENT_TYPE_HTML = "Content-Type: text/html\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** Bodies up to this size leave in the same array as the head. */
    private static final int INLINE_BODY = 16 * 1024;

    /** The connection this request arrived on. */
    protected final HTTPChannel channel;

    // Twisted's placeholders until the channel hands over the head, right after construction.
    private String method = "(no method yet)";
    private String uri = "(no uri yet)";
    private String path = "(no path yet)";
    private String clientproto = "(no clientproto yet)";
    private int minorVersion;
    private Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private byte[] content = new byte[0];
    private int contentSize;
    private Map<String, List<String>> args = new LinkedHashMap<>();
    private Map<String, List<FormPart>> uploads = Map.of();
    private @Nullable Map<String, String> receivedCookies; // parsed on first use
    private final List<String> cookies = new ArrayList<>(0);

    private int code = Http.OK;
    private @Nullable String codeMessage; // null: the standard reason phrase
    private boolean persistent;
    private boolean startedWriting;
    private boolean finished;
    private boolean chunked;
    private boolean noBody;
    private long sentLength;
    private @Nullable Failure lost; // why the connection was lost, once it was
    private @Nullable List<Deferred<@Nullable Void>> finishNotifications;
    private @Nullable IProducer producer;

    /** A request arriving on {@code channel}; the channel fills it in as the request is parsed. */
    public Request(HTTPChannel channel) {
        this.channel = channel;
    }

    void gotHead(String method, String uri, int minorVersion, Headers headers, long contentLength) {
        this.method = method;
        this.uri = uri;
        this.minorVersion = minorVersion;
        this.clientproto = minorVersion == 1 ? "HTTP/1.1" : "HTTP/1.0";
        this.requestHeaders = headers;
        int q = uri.indexOf('?');
        this.path = q < 0 ? uri : uri.substring(0, q);
        if (q >= 0) {
            FormDecoding.parseQuery(uri.substring(q + 1), args);
        }
        String connection = headers.getFirst("connection");
        persistent = minorVersion == 1 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
        if (contentLength > 0) {
            content = new byte[(int) Math.min(contentLength, 64 * 1024)];
        }
        gotLength(contentLength);
    }

    /** Called once the body's length is known ({@code -1} when chunked); does nothing by default. */
    protected void gotLength(long length) {}

    /** Takes the next piece of the body; kept in memory (the factory's body limit bounds it). */
    protected void handleContentChunk(byte[] data, int offset, int length) {
        if (contentSize + length > content.length) {
            content = Arrays.copyOf(content, Math.max(contentSize + length, content.length * 2));
        }
        System.arraycopy(data, offset, content, contentSize, length);
        contentSize += length;
    }

    /** The whole request arrived: reads form arguments from the body, then {@link #process()}es. */
    void requestReceived() {
        String type = requestHeaders.getFirst("content-type");
        if (type != null && contentSize > 0 && "POST".equals(method)) { // Twisted reads form bodies of POSTs only
            try {
                uploads = FormDecoding.parseBody(type, content, contentSize, args);
            } catch (IllegalArgumentException malformed) {
                LOG.info("Malformed form body from {}: {}", getClientAddressString(), malformed.getMessage());
                setResponseCode(Http.BAD_REQUEST);
                finish();
                return;
            }
        }
        try {
            process();
        } catch (Throwable e) {
            processingFailed(new Failure(e));
        }
    }

    /**
     * Answers the request; the default answers 404. Subclasses override it ({@code
     * server.Request} renders the site's resources).
     */
    protected void process() {
        setResponseCode(Http.NOT_FOUND);
        finish();
    }

    /**
     * Answers 500 for an error that escaped {@link #process()} (or a resource's Deferred) and logs
     * it; when the head is already written, the connection is closed instead.
     */
    public void processingFailed(Failure reason) {
        LOG.failure("Error processing request {} {}", reason, method, uri);
        if (finished) {
            return;
        }
        if (startedWriting) {
            channel.markClosing();
            channel.transport().loseConnection();
            return;
        }
        byte[] body =
                "<html><head><title>500 - Request did not complete successfully</title></head><body><h1>Request did not complete successfully</h1></body></html>"
                        .getBytes(StandardCharsets.ISO_8859_1);
        setResponseCode(Http.INTERNAL_SERVER_ERROR);
        setHeader("Content-Type", "text/html");
        setHeader("Content-Length", Integer.toString(body.length));
        write(body);
        finish();
    }

    // ---- what the client sent ----

    /** The method, as sent ("GET", "POST", ...). */
    public String method() {
        return method;
    }

    /** The request target as sent, query included ("/a/b?x=1"). */
    public String uri() {
        return uri;
    }

    /** The request target without its query, still percent-encoded. */
    public String path() {
        return path;
    }

    /** "HTTP/1.1" or "HTTP/1.0". */
    public String clientproto() {
        return clientproto;
    }

    /** The request's headers (names in lower case). */
    public Headers requestHeaders() {
        return requestHeaders;
    }

    /** The first value of the request header {@code name}, or {@code null} when it was not sent (as in Twisted). */
    public @Nullable String getHeader(String name) {
        return requestHeaders.getFirst(name);
    }

    /**
     * The arguments from the query string and, for a form POST ({@code
     * application/x-www-form-urlencoded} or {@code multipart/form-data}), from the body: name to
     * values, in order. Decoded as UTF-8.
     */
    public Map<String, List<String>> args() {
        return args;
    }

    /** The first value of argument {@code name}, or {@code null} when there is none. */
    public @Nullable String getArg(String name) {
        List<String> v = args.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The parts of a {@code multipart/form-data} body, by field name (file uploads with their bytes). */
    public Map<String, List<FormPart>> uploads() {
        return uploads;
    }

    /** The request body (a copy). */
    public byte[] content() {
        return Arrays.copyOf(content, contentSize);
    }

    /** The request body as a stream, as Twisted's {@code request.content}. */
    public InputStream contentStream() {
        return new ByteArrayInputStream(content, 0, contentSize);
    }

    /** The cookies the client sent, name to value. */
    public Map<String, String> receivedCookies() {
        Map<String, String> parsed = receivedCookies;
        if (parsed == null) {
            parsed = new LinkedHashMap<>();
            for (String header : requestHeaders.getRawHeaders("cookie")) {
                for (String pair : header.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        parsed.putIfAbsent(
                                pair.substring(0, eq).strip(),
                                pair.substring(eq + 1).strip());
                    }
                }
            }
            receivedCookies = parsed;
        }
        return parsed;
    }

    /** The value of the cookie {@code name} the client sent, or {@code null} when it sent none of that name. */
    public @Nullable String getCookie(String name) {
        return receivedCookies().get(name);
    }

    /** The address of the client (the transport's peer). */
    public IAddress getClientAddress() {
        return channel.transport().getPeer();
    }

    /** The client's IP address as text, or "-" when it has none. */
    public String getClientAddressString() {
        IAddress a = getClientAddress();
        if (a instanceof IPv4Address v4) {
            return v4.host();
        }
        if (a instanceof IPv6Address v6) {
            return v6.host();
        }
        return "-";
    }

    /** The address of this server end of the connection. */
    public IAddress getHost() {
        return channel.transport().getHost();
    }

    /** True when the connection is TLS (its transport is an {@code ISSLTransport}), as Twisted's {@code isSecure}. */
    public boolean isSecure() {
        return channel.transport() instanceof io.jtwisted.internet.interfaces.ISSLTransport;
    }

    /** The host the client asked for: the {@code Host} header without its port, or this end's address. */
    public String getRequestHostname() {
        String host = getHeader("host");
        if (host != null) {
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                return close > 0 ? host.substring(0, close + 1) : host;
            }
            int colon = host.indexOf(':');
            return colon >= 0 ? host.substring(0, colon) : host;
        }
        IAddress h = getHost();
        return h instanceof IPv4Address v4 ? v4.host() : h instanceof IPv6Address v6 ? v6.host() : "localhost";
    }

    // ---- the answer ----

    /** Sets the status code; its reason phrase is the standard one. */
    public void setResponseCode(int code) {
        setResponseCode(code, null);
    }

    /** Sets the status code and its reason phrase; a {@code null} message means the standard one (as in Twisted). */
    public void setResponseCode(int code, @Nullable String message) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("not a status code: " + code);
        }
        this.code = code;
        this.codeMessage = message;
    }

    /** The status code of the response. */
    public int code() {
        return code;
    }

    /** The response's headers. */
    public Headers responseHeaders() {
        return responseHeaders;
    }

    /** Sets the response header {@code name} to {@code value}, replacing any value it had. */
    public void setHeader(String name, String value) {
        responseHeaders.setRawHeader(name, value);
    }

    /** Adds a {@code Set-Cookie} header for {@code cookie}. */
    public void addCookie(Cookie cookie) {
        cookies.add(cookie.toHeaderValue());
    }

    /** Adds a {@code Set-Cookie} header with only a name and a value. */
    public void addCookie(String name, String value) {
        addCookie(Cookie.of(name, value));
    }

    /** Answers 302 Found to {@code url} (the caller then finishes, as in Twisted). */
    public void redirect(String url) {
        setResponseCode(Http.FOUND);
        setHeader("Location", url);
    }

    /** True once the response head has been written. */
    public boolean startedWriting() {
        return startedWriting;
    }

    /** True once {@link #finish()} was called or the connection was lost. */
    public boolean finished() {
        return finished || lost != null;
    }

    /** Whether the connection stays open after this answer. */
    public boolean persistent() {
        return persistent;
    }

    /** Body bytes written so far (not counting chunk framing). */
    public long sentLength() {
        return sentLength;
    }

    /**
     * Writes {@code data} as part of the body (the head first, if not yet written). The array must
     * not change afterwards. Nothing is written for a HEAD request or a code that has no body.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    @Override
    public void write(byte[] data) {
        if (finished) {
            throw new IllegalStateException("Request.write called on a request after Request.finish was called.");
        }
        if (lost != null) {
            return; // the client is gone; Twisted drops the bytes too
        }
        if (!startedWriting) {
            writeHead(data);
            return;
        }
        writeBody(data);
    }

    /** Writes {@code text} encoded as UTF-8. */
    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBody(byte[] data) {
        if (noBody || data.length == 0) {
            return;
        }
        sentLength += data.length;
        if (chunked) {
            ByteSink sink = channel.headSink();
            sink.reset();
            sink.putHex(data.length).crlf();
            if (data.length <= INLINE_BODY) {
                channel.transport().write(sink.put(data).crlf().toByteArray());
            } else {
                channel.transport().write(sink.toByteArray());
                channel.transport().write(data);
                channel.transport().write(CRLF);
            }
        } else {
            channel.transport().write(data);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * True when {@link #writeFile} sends from the file system on this connection: its transport is
     * an {@link IFileRegionTransport} that can now (not TLS, not a wrapping transport), and the
     * client is still there.
     */
    public boolean canWriteFile() {
        return lost == null && !finished && channel.transport() instanceof IFileRegionTransport t && t.canWriteFile();
    }

    /**
     * Writes {@code count} bytes of {@code file} from {@code position} as part of the body (the
     * head first, if not yet written), sent by the transport with sendfile in order with {@link
     * #write}; chunked framing and {@link #sentLength()} count them as written bytes. With {@code
     * closeWhenDone} the file is closed once they are sent, when the connection is lost, or at once
     * if nothing is to be sent (HEAD, a bodyless code, a lost client).
     *
     * @throws IllegalStateException after {@link #finish()}, or when {@link #canWriteFile()} is false
     *     while the client is still connected
     */
    public void writeFile(FileChannel file, long position, long count, boolean closeWhenDone) {
        if (finished) {
            throw new IllegalStateException("Request.writeFile called on a request after Request.finish was called.");
        }
        if (lost == null && !canWriteFile()) {
            throw new IllegalStateException("this connection cannot send file regions (TLS or a wrapping transport)");
        }
        if (lost != null) {
            closeQuietly(file, closeWhenDone);
            return;
        }
        if (!startedWriting) {
            writeHead(null);
        }
        if (noBody || count == 0) {
            closeQuietly(file, closeWhenDone);
            return;
        }
        IFileRegionTransport transport = (IFileRegionTransport) channel.transport();
        sentLength += count;
        if (chunked) {
            ByteSink sink = channel.headSink();
            sink.reset();
            transport.write(sink.putHex(count).crlf().toByteArray());
            transport.writeFile(file, position, count, closeWhenDone);
            transport.write(CRLF);
        } else {
            transport.writeFile(file, position, count, closeWhenDone);
        }
    }

    private static void closeQuietly(FileChannel file, boolean close) {
        if (close) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing was to be sent from it
            }
        }
    }

    private void writeHead(byte @Nullable [] firstBody) {
        startedWriting = true;
        ByteSink out = channel.headSink();
        out.reset();
        byte[] status = minorVersion == 1 && codeMessage == null ? Http.statusLine11(code) : null;
        if (status != null) {
            out.put(status);
        } else {
            out.putText(clientproto)
                    .putText(" ")
                    .putDecimal(code)
                    .putText(" ")
                    .putText(codeMessage == null ? Http.reason(code) : codeMessage)
                    .crlf();
        }
        boolean bodyless = code < 200 || code == Http.NO_CONTENT || code == Http.NOT_MODIFIED;
        noBody = bodyless || "HEAD".equals(method);
        if (bodyless) {
            responseHeaders.removeHeader("content-length");
        }
        if (responseHeaders.hasHeader("transfer-encoding")) {
            responseHeaders.removeHeader("transfer-encoding"); // framing is the server's to choose
        }
        boolean hasLength = responseHeaders.hasHeader("content-length");
        if (!noBody && !hasLength) {
            if (minorVersion == 1) {
                chunked = true;
                out.put(CHUNKED_LINE);
            } else {
                persistent = false;
            }
        }
        if (persistent && channel.bodyStillArriving(this)) {
            // Answered before the body is in: should it finish before then, the channel drops
            // the rest of the body and closes, so the client is told now.
            persistent = false;
        }
        if (!persistent && minorVersion == 1) {
            out.put(CLOSE_LINE);
        } else if (persistent && minorVersion == 0) {
            out.put(KEEP_ALIVE_LINE);
        }
        boolean hasDate = false;
        boolean hasServer = false;
        boolean hasType = false;
        for (int i = 0, n = responseHeaders.size(); i < n; i++) {
            String name = responseHeaders.name(i);
            hasDate |= name.equalsIgnoreCase("date");
            hasServer |= name.equalsIgnoreCase("server");
            hasType |= name.equalsIgnoreCase("content-type");
            out.putText(name).putText(": ").putText(responseHeaders.value(i)).crlf();
        }
        if (!hasDate) {
            out.put(channel.site().dateLine());
        }
        if (!hasServer) {
            out.put(SERVER_LINE);
        }
        if (!hasType && !bodyless) {
            out.put(CONTENT_TYPE_HTML);
        }
        for (String c : cookies) {
            out.putText("Set-Cookie: ").putText(c).crlf();
        }
        out.crlf();
        if (noBody || firstBody == null || firstBody.length == 0) {
            channel.transport().write(out.toByteArray());
            return;
        }
        sentLength += firstBody.length;
        if (chunked) {
            out.putHex(firstBody.length).crlf();
        }
        if (firstBody.length <= INLINE_BODY) {
            out.put(firstBody);
            if (chunked) {
                out.crlf();
            }
            channel.transport().write(out.toByteArray());
        } else {
            channel.transport().write(out.toByteArray());
            channel.transport().write(firstBody);
            if (chunked) {
                channel.transport().write(CRLF);
            }
        }
    }

    /**
     * Ends the response: writes the head if nothing was written, the last chunk when chunked, logs
     * the request, fires {@link #notifyFinish()}'s Deferreds, and lets the connection go on to the
     * next request (or closes it).
     *
     * @throws IllegalStateException when called twice
     */
    public void finish() {
        if (finished) {
            throw new IllegalStateException(
                    "Request.finish called on a request after its connection was lost or it was finished.");
        }
        if (lost != null) {
            finished = true;
            return;
        }
        if (!startedWriting) {
            if (!responseHeaders.hasHeader("content-length")
                    && code >= 200
                    && code != Http.NO_CONTENT
                    && code != Http.NOT_MODIFIED
                    && !"HEAD".equals(method)) {
                responseHeaders.setRawHeader("Content-Length", "0");
            }
            writeHead(null);
        }
        if (chunked) {
            channel.transport().write(LAST_CHUNK);
        }
        finished = true;
        channel.requestDone(this);
        fireFinish(null);
    }

    /**
     * A Deferred that fires with {@code null} when the response is finished, or fails with the
     * reason when the connection is lost first (as Twisted's {@code notifyFinish}).
     */
    public Deferred<@Nullable Void> notifyFinish() {
        Deferred<@Nullable Void> d = new Deferred<>();
        if (lost != null) {
            d.errback(lost);
        } else if (finished) {
            d.callback(null);
        } else {
            if (finishNotifications == null) {
                finishNotifications = new ArrayList<>(1);
            }
            finishNotifications.add(d);
        }
        return d;
    }

    /** Fires the {@link #notifyFinish()} Deferreds: with {@code null} when {@code reason} is null, else with it. */
    private void fireFinish(@Nullable Failure reason) {
        List<Deferred<@Nullable Void>> waiting = finishNotifications;
        finishNotifications = null;
        if (waiting != null) {
            for (Deferred<@Nullable Void> d : waiting) {
                if (reason == null) {
                    d.callback(null);
                } else {
                    d.errback(reason);
                }
            }
        }
    }

    /** The connection went away before the response was finished. */
    void connectionLost(Failure reason) {
        if (finished) {
            return;
        }
        lost = reason;
        IProducer p = producer;
        producer = null;
        if (p != null) {
            p.stopProducing();
        }
        fireFinish(reason);
    }

    /** Closes the connection once what was written is sent. */
    public void loseConnection() {
        channel.markClosing();
        channel.transport().loseConnection();
    }

    /**
     * Registers {@code producer} with the connection, which pauses a streaming producer while the
     * client is slow and asks a pull producer for each chunk.
     */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (this.producer != null) {
            throw new IllegalStateException("a producer is registered already: " + this.producer);
        }
        this.producer = producer;
        if (lost != null) {
            producer.stopProducing();
            return;
        }
        channel.registerProducer(producer, streaming);
    }

    /** Unregisters the producer registered with {@link #registerProducer}. */
    @Override
    public void unregisterProducer() {
        if (producer != null) {
            producer = null;
            if (lost == null) {
                channel.unregisterProducer();
            }
        }
    }

    private static boolean hasToken(@Nullable String header, String token) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "<Request " + method + " " + uri + " " + clientproto + ">";
    }
}
