package io.jtwisted.web.http;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.logger.Logger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link HTTPChannel} per connection, as Twisted's {@code http.HTTPFactory}, and holds
 * what the channels share: the limits, the timeouts, the clock, the cached {@code Date} header and
 * the access log. Set the limits before the factory starts listening.
 *
 * <p>Defaults follow Twisted where Twisted has one: 60 s idle timeout ({@code timeOut}), 15 s
 * abort timeout, 500 headers, 16 KiB of request head. JTwisted adds a 30 s limit on receiving a
 * request head (a client that trickles a head byte by byte is cut off, which Twisted's idle
 * timeout alone does not do) and a 10 MiB limit on request bodies (Twisted has none; bodies are
 * kept in memory).
 */
public class HTTPFactory extends Factory {
    /** The {@code Server} header value every response carries unless the resource sets another. */
    public static final String SERVER_VERSION = "JTwisted/0.1";

    private final IReactorTime reactor;
    private Function<HTTPChannel, ? extends Request> requestFactory = Request::new;
    private double timeOut = 60;
    private double headersTimeout = 30;
    private double abortTimeout = 15;
    private int maxRequestLine = 16384;
    private int maxHeaderBytes = 16384;
    private int maxHeaders = 500;
    private long maxRequestBody = 10L * 1024 * 1024;
    private @Nullable Logger accessLog; // null: no access log

    private long dateSecond = Long.MIN_VALUE;
    // Placeholders, never sent: dateSecond = MIN_VALUE makes the first refreshDate compute both.
    private byte[] dateLine = new byte[0];
    private String logDate = "";

    /** A factory whose timeouts run on the global reactor. */
    public HTTPFactory() {
        this(Reactor.reactor);
    }

    /** A factory whose timeouts and dates come from {@code reactor} (a {@code Clock} in tests). */
    public HTTPFactory(IReactorTime reactor) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
    }

    @Override
    public IProtocol buildProtocol(IAddress address) {
        HTTPChannel channel = new HTTPChannel(this);
        channel.setFactory(this);
        return channel;
    }

    /** The clock of this factory's timeouts and dates. */
    public IReactorTime reactor() {
        return reactor;
    }

    /** Sets what makes a {@link Request} for each request a channel receives. */
    public void setRequestFactory(Function<HTTPChannel, ? extends Request> requestFactory) {
        this.requestFactory = Objects.requireNonNull(requestFactory);
    }

    Request buildRequest(HTTPChannel channel) {
        return requestFactory.apply(channel);
    }

    /** Seconds without a byte from the client before an idle connection is closed; 0 for never. */
    public double timeOut() {
        return timeOut;
    }

    /** Sets {@link #timeOut()}; open connections use the new value from their next timer check. */
    public void setTimeOut(double seconds) {
        this.timeOut = seconds;
    }

    /** Seconds a client has to send a whole request head, from its first byte; 0 for no limit. */
    public double headersTimeout() {
        return headersTimeout;
    }

    /** Sets {@link #headersTimeout()}; open connections use the new value from their next timer check. */
    public void setHeadersTimeout(double seconds) {
        this.headersTimeout = seconds;
    }

    /** Seconds after a timed-out connection was asked to close before it is aborted. */
    public double abortTimeout() {
        return abortTimeout;
    }

    /** Sets {@link #abortTimeout()}; open connections use the new value from their next timer check. */
    public void setAbortTimeout(double seconds) {
        this.abortTimeout = seconds;
    }

    /** The longest request line accepted; longer ones get 414. */
    public int maxRequestLine() {
        return maxRequestLine;
    }

    /** Sets {@link #maxRequestLine()}; channels made afterwards use it. */
    public void setMaxRequestLine(int bytes) {
        this.maxRequestLine = bytes;
    }

    /** The largest request head (request line and headers) accepted; larger ones get 431. */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** Sets {@link #maxHeaderBytes()}; channels made afterwards use it. */
    public void setMaxHeaderBytes(int bytes) {
        this.maxHeaderBytes = bytes;
    }

    /** The most header fields accepted in one request; more get 431. */
    public int maxHeaders() {
        return maxHeaders;
    }

    /** Sets {@link #maxHeaders()}; channels made afterwards use it. */
    public void setMaxHeaders(int count) {
        this.maxHeaders = count;
    }

    /** The largest request body accepted (chunked or not); larger ones get 413. */
    public long maxRequestBody() {
        return maxRequestBody;
    }

    /** Sets {@link #maxRequestBody()}; channels made afterwards use it. */
    public void setMaxRequestBody(long bytes) {
        this.maxRequestBody = bytes;
    }

    /**
     * Sends one combined-log-format line per finished request to {@code observer} (for example an
     * {@code AccessLogFile}); {@code null} turns the access log off, the default.
     */
    public void setAccessLogObserver(@Nullable ILogObserver observer) {
        this.accessLog = observer == null ? null : new Logger("io.jtwisted.web.access", observer);
    }

    /** Writes {@code request}'s access log line, if there is an access log. */
    public void log(Request request) {
        Logger log = accessLog;
        if (log != null) {
            refreshDate();
            // The line is the argument of a bare placeholder: braces in a URI or a User-Agent stay as sent.
            log.emit(LogLevel.INFO, null, "{}", AccessLogFormat.combined(logDate, request));
        }
    }

    /** "Date: ...\r\n" for now, recomputed at most once a second. */
    byte[] dateLine() {
        refreshDate();
        return dateLine;
    }

    private void refreshDate() {
        long now = (long) Math.floor(reactor.seconds());
        if (now != dateSecond) {
            dateSecond = now;
            dateLine = ("Date: " + Http.datetimeToString(now) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            logDate = AccessLogFormat.logDate(now);
        }
    }
}
