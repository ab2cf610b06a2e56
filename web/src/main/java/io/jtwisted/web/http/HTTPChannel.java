package io.jtwisted.web.http;

import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 server connection, as Twisted's {@code http.HTTPChannel}: parses requests, makes
 * a {@link Request} for each (through its {@link HTTPFactory}), and writes their answers in
 * order.
 *
 * <p>Keep-alive and pipelining: requests are handed to the application one at a time
 * (head-of-line blocking, as in Twisted). While a request is being answered, the bytes of the
 * next ones are kept, unparsed; above 16 KiB of them the channel stops reading from the socket
 * until the answer is finished. Answers therefore leave in request order, and a client that never
 * reads cannot make the server's memory grow.
 *
 * <p>Timeouts run on the factory's clock: a connection with no byte from the client for
 * {@link HTTPFactory#timeOut()} seconds while no request is being answered is closed, and one
 * whose request head is not complete {@link HTTPFactory#headersTimeout()} seconds after its first
 * byte is closed too; either is aborted if it has not closed {@link HTTPFactory#abortTimeout()}
 * seconds later. The timer is re-armed lazily (at most one pending call per connection, not one
 * reset per read).
 *
 * <p>A request may be finished before its body has all arrived (an answer from {@link
 * Request#gotLength}, or one given while the body is still coming). The rest of that body is then
 * read and dropped, handed to no request, and the connection closes at the body's end; an answer
 * whose head leaves before the body is in says {@code Connection: close}. Reading the body out
 * rather than closing at once keeps the client's unread upload from turning the close into a
 * reset, which could destroy the answer before the client reads it (RFC 9112, section 9.6); the
 * client has {@link HTTPFactory#headersTimeout()} seconds to send it, as for a head. A request
 * finished from {@code gotLength} that has no body at all leaves the connection open, as any
 * other.
 */
public class HTTPChannel extends Protocol implements RequestParser.Listener {
    private static final Logger LOG = Logger.forClass(HTTPChannel.class);
    private static final int EAGER_READ = 16 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final HTTPFactory site;
    private final RequestParser parser;
    private final ByteSink headSink = new ByteSink(512);
    private @Nullable Request current; // the request being received or answered, if any
    // A request finished before its end arrived; the rest of its body is dropped until that end.
    private @Nullable Request finishedEarly;
    private boolean bodyExpected; // the request being received has a body (a length > 0, or chunked)
    private boolean answering;
    private boolean inParser;
    private boolean readingPaused;
    private boolean closing;
    private double lastActivity;
    private double headStarted = -1;
    private @Nullable IDelayedCall timer; // the pending timeout check, if any
    private @Nullable IDelayedCall abortCall; // set once a timed-out connection is to be aborted

    /** A channel for {@code factory}'s connections; {@link HTTPFactory#buildProtocol} makes them. */
    @SuppressWarnings(
            "this-escape") // the channel is its parser's listener from the start; the parser calls it only once data
    // arrives
    public HTTPChannel(HTTPFactory factory) {
        this.site = factory;
        this.parser = new RequestParser(
                this,
                factory.maxRequestLine(),
                factory.maxHeaderBytes(),
                factory.maxHeaders(),
                factory.maxRequestBody());
    }

    /** The factory this channel belongs to. */
    public HTTPFactory site() {
        return site;
    }

    @Override
    public void connectionMade() {
        if (transport instanceof io.jtwisted.internet.interfaces.ITCPTransport tcp) {
            tcp.setTcpNoDelay(
                    true); // answers are written whole: Nagle would only delay the last segment (nginx does the same)
        }
        lastActivity = site.reactor().seconds();
        armTimer();
    }

    @Override
    public void dataReceived(byte[] data) {
        if (closing) {
            return;
        }
        lastActivity = site.reactor().seconds();
        if (headStarted < 0 && !answering && current == null) {
            startHeadTimer(lastActivity);
        }
        inParser = true;
        try {
            parser.feed(data);
        } finally {
            inParser = false;
        }
        if (answering && !readingPaused && parser.buffered() > EAGER_READ && transport instanceof IPushProducer p) {
            readingPaused = true;
            p.pauseProducing();
        }
    }

    @Override
    public void headReceived(String method, String uri, int minorVersion, Headers headers, long contentLength) {
        headStarted = -1;
        Request request = site.buildRequest(this);
        current = request;
        bodyExpected = contentLength != 0;
        request.gotHead(method, uri, minorVersion, headers, contentLength);
        String expect = headers.getFirst("expect");
        if (expect != null
                && minorVersion == 1
                && contentLength != 0
                && current == request // no interim answer after the final one (from gotLength)
                && expect.equalsIgnoreCase("100-continue")) {
            transport.write(CONTINUE);
        }
    }

    @Override
    public void bodyReceived(byte[] data, int offset, int length) {
        // headReceived made the request; it is gone only if it finished before its body was in,
        // and then the rest of that body is dropped.
        Request request = current;
        if (request != null) {
            request.handleContentChunk(data, offset, length);
        }
    }

    @Override
    public boolean messageReceived() {
        Request request = current;
        if (request == null) {
            return endOfFinishedRequest();
        }
        answering = true;
        request.requestReceived();
        return current == null && !closing;
    }

    /**
     * The end of a request that was finished before it arrived: the connection closes if there
     * was a body to drop (its answer said {@code Connection: close}); a request with no body lets
     * the next one be parsed, as after any answer.
     */
    private boolean endOfFinishedRequest() {
        Request request = finishedEarly;
        finishedEarly = null;
        if (bodyExpected || closing || request == null || !request.persistent()) {
            closing = true;
            parser.stop();
            transport.loseConnection();
            return false;
        }
        lastActivity = site.reactor().seconds();
        if (parser.buffered() > 0) {
            startHeadTimer(lastActivity);
        }
        return true;
    }

    @Override
    public void badRequest(int status, String why) {
        LOG.info("Refusing a request from {}: {} ({})", transport.getPeer(), status, why);
        if ((current != null && current.startedWriting()) || finishedEarly != null) {
            // An answer is out already (for a dropped body, the whole answer): a second would be
            // taken for the next request's.
            closing = true;
            transport.loseConnection();
            return;
        }
        String body = "<html><head><title>" + status + " " + Http.reason(status) + "</title></head><body><h1>"
                + Http.reason(status) + "</h1></body></html>";
        byte[] bytes = ("HTTP/1.1 " + status + " " + Http.reason(status) + "\r\nContent-Type: text/html\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
        transport.write(bytes);
        closing = true;
        current = null;
        transport.loseConnection();
    }

    /** Called by {@code request} once its last byte is written. */
    void requestDone(Request request) {
        if (request != current) {
            return;
        }
        if (!answering) {
            // Finished before messageReceived: the parser goes on reading the rest of the body
            // (which bodyReceived now drops) and endOfFinishedRequest sees to the connection.
            current = null;
            finishedEarly = request;
            site.log(request);
            if (bodyExpected && headStarted < 0) {
                // The dropped body gets a head's deadline: a client trickling it cannot hold the
                // connection longer than that.
                startHeadTimer(site.reactor().seconds());
            }
            return;
        }
        current = null;
        answering = false;
        site.log(request);
        if (!request.persistent() || closing) {
            closing = true;
            parser.stop();
            transport.loseConnection();
            return;
        }
        lastActivity = site.reactor().seconds();
        if (parser.buffered() > 0) {
            startHeadTimer(lastActivity);
        }
        if (!inParser) {
            if (readingPaused && transport instanceof IPushProducer p) {
                readingPaused = false;
                p.resumeProducing();
            }
            inParser = true;
            try {
                parser.resume();
            } finally {
                inParser = false;
            }
        }
    }

    /** True while {@code request} is being received and part of its body has still to arrive. */
    boolean bodyStillArriving(Request request) {
        return request == current && !answering && bodyExpected;
    }

    /** The scratch buffer response heads are written into (one per connection). */
    ByteSink headSink() {
        return headSink;
    }

    void registerProducer(IProducer producer, boolean streaming) {
        ((IConsumer) transport).registerProducer(producer, streaming);
    }

    void unregisterProducer() {
        ((IConsumer) transport).unregisterProducer();
    }

    void markClosing() {
        closing = true;
    }

    @Override
    public void connectionLost(Failure reason) {
        super.connectionLost(reason);
        closing = true;
        parser.stop();
        cancel(timer);
        cancel(abortCall);
        timer = null;
        Request r = current;
        current = null;
        if (r != null) {
            r.connectionLost(reason);
        }
    }

    private static void cancel(@Nullable IDelayedCall call) {
        if (call != null && call.active()) {
            call.cancel();
        }
    }

    /** A request head starts arriving: its deadline may come before the timer's next check. */
    private void startHeadTimer(double now) {
        headStarted = now;
        double deadline = now + site.headersTimeout();
        IDelayedCall t = timer;
        if (site.headersTimeout() > 0 && t != null && t.active() && t.getTime() > deadline) {
            t.reset(site.headersTimeout());
        }
    }

    private void armTimer() {
        double next = nextDeadline();
        if (next == Double.POSITIVE_INFINITY) {
            // Nothing to time out now; look again after the idle timeout or a minute.
            next = site.reactor().seconds() + (site.timeOut() > 0 ? site.timeOut() : 60);
        }
        double delay = Math.max(0, next - site.reactor().seconds());
        timer = site.reactor().callLater(delay, this::checkTimeouts);
    }

    private double nextDeadline() {
        double deadline = Double.POSITIVE_INFINITY;
        if (!answering && site.timeOut() > 0) {
            deadline = lastActivity + site.timeOut();
        }
        if (headStarted >= 0 && site.headersTimeout() > 0) {
            deadline = Math.min(deadline, headStarted + site.headersTimeout());
        }
        return deadline;
    }

    private void checkTimeouts() {
        timer = null;
        if (!connected || closing) {
            return;
        }
        if (site.reactor().seconds() >= nextDeadline()) {
            timeoutConnection();
        } else {
            armTimer();
        }
    }

    /** Closes a connection that timed out, and aborts it if it does not close in time. */
    protected void timeoutConnection() {
        LOG.info("Timing out client: {}", transport.getPeer());
        closing = true;
        parser.stop();
        transport.loseConnection();
        if (site.abortTimeout() > 0) {
            abortCall = site.reactor().callLater(site.abortTimeout(), () -> {
                LOG.info("Forcibly timing out client: {}", transport.getPeer());
                transport.abortConnection();
            });
        }
    }
}
