package io.jtwisted.protocols.tls;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IHandshakeListener;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.ssl.Certificate;
import io.jtwisted.logger.Logger;
import io.jtwisted.protocols.policies.ProtocolWrapper;
import io.jtwisted.python.failure.Failure;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * TLS as a protocol wrapper over any stream transport, as Twisted's
 * {@code twisted.protocols.tls.TLSMemoryBIOProtocol}: bytes from the transport are decrypted by a
 * JDK {@link SSLEngine} and handed to the wrapped protocol; the wrapped protocol's writes are
 * encrypted and handed to the transport. The wrapped protocol sees an {@link ISSLTransport} and
 * runs unchanged.
 *
 * <p>Guarantees, as Twisted's:
 * <ul>
 * <li>{@code connectionMade} runs at once; what it writes is buffered until the handshake is
 *     complete, then sent in order. A protocol that is an {@link IHandshakeListener} hears when the
 *     handshake completes.</li>
 * <li>{@link #loseConnection()} sends everything written so far (and waits for a registered
 *     producer to unregister), then a {@code close_notify} alert, then closes the transport.
 *     Called before the handshake completed with nothing buffered, it aborts (there is nothing to
 *     protect). {@link #abortConnection()} closes at once.</li>
 * <li>A TLS error (failed handshake: untrusted certificate, wrong host name, no common version or
 *     cipher; a corrupt record; a renegotiation attempt, which is refused) closes the connection
 *     after sending the alert, is logged, and reaches the wrapped protocol's {@code connectionLost}
 *     as the {@link SSLException} naming the cause. A transport closed without {@code close_notify}
 *     reports {@link ConnectionLost}; a clean TLS close reports {@link ConnectionDone}.</li>
 * <li>A protocol that is an {@link IHalfCloseableProtocol} hears {@code readConnectionLost} on the
 *     peer's {@code close_notify}, and {@link #loseWriteConnection()} sends ours while reading goes
 *     on (TLS 1.3; a TLS 1.2 peer closes both directions).</li>
 * <li>A handshake that has not completed within the factory's handshake timeout (30 s with a
 *     reactor) fails the connection the same way: a peer that stops mid-handshake costs nothing
 *     lasting.</li>
 * <li>The engine's delegated tasks (certificate checks, key agreement) run inline while they take
 *     less than the factory's share of the reactor thread's time, else on the reactor's thread
 *     pool (see {@link TLSMemoryBIOFactory#setInlineTaskShare}), the handshake then resuming on the
 *     reactor thread; data arriving meanwhile waits.</li>
 * </ul>
 * Everything runs on the reactor thread.
 */
public class TLSMemoryBIOProtocol extends ProtocolWrapper implements ISSLTransport {
    private static final Logger LOG = Logger.forClass(TLSMemoryBIOProtocol.class);
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final TLSMemoryBIOFactory tlsFactory;
    private final boolean connectWrapped;
    private final boolean halfCloseable;

    @SuppressWarnings(
            "NullAway.Init") // created in makeConnection, before any data; the null checks cover a connection lost
    // before it
    private SSLEngine engine;

    private ByteBuffer netIn = ByteBuffer.allocate(0); // received, not yet unwrapped ciphertext (write mode)
    private @Nullable ByteBuffer pending; // the array being received, while it is unwrapped without a copy (read mode)
    private final ArrayDeque<ByteBuffer> appSendBuffer = new ArrayDeque<>(); // plaintext waiting for the handshake

    private boolean handshakeDone;
    private boolean tasksRunning;
    private boolean driving;
    private boolean driveAgain;
    private boolean lostTLSConnection; // the TLS session is over: no more data either way
    private boolean aborted;
    private boolean closeNotifyReceived;
    private boolean closeNotifySent;
    private boolean writeClosing; // loseWriteConnection called
    private @Nullable Failure reason;
    private @Nullable ProducerMembrane producer;
    private @Nullable IProducer pullProducer;
    private @Nullable List<Deferred<TLSMemoryBIOProtocol>> handshakeWaiters;
    private @Nullable IDelayedCall handshakeTimer;

    /** A wrapper for {@code wrappedProtocol} whose TLS state comes from {@code factory}; its {@code connectionMade} runs on connection. */
    public TLSMemoryBIOProtocol(TLSMemoryBIOFactory factory, IProtocol wrappedProtocol) {
        this(factory, wrappedProtocol, true);
    }

    /**
     * As above; with {@code connectWrapped} false the wrapped protocol is already connected (STARTTLS)
     * and is not told {@code connectionMade} again.
     */
    public TLSMemoryBIOProtocol(TLSMemoryBIOFactory factory, IProtocol wrappedProtocol, boolean connectWrapped) {
        super(factory, wrappedProtocol);
        this.tlsFactory = factory;
        this.connectWrapped = connectWrapped;
        this.halfCloseable = wrappedProtocol instanceof IHalfCloseableProtocol;
    }

    /** Creates the engine, connects the wrapped protocol to this wrapper, then starts the handshake. */
    @Override
    public void makeConnection(ITransport transport) {
        this.engine = tlsFactory.createEngine();
        this.transport = transport;
        this.connected = true;
        registry.registerProtocol(this);
        if (connectWrapped) {
            Objects.requireNonNull(wrappedProtocol, "connection lost").makeConnection(this);
        }
        if (aborted || lostTLSConnection) {
            return;
        }
        handshakeTimer = tlsFactory.scheduleHandshakeTimeout(() -> {
            handshakeTimer = null;
            if (!handshakeDone && !lostTLSConnection) {
                tlsFailed(new SSLHandshakeException(
                        "the TLS handshake did not complete within " + tlsFactory.handshakeTimeout() + " s"));
            }
        });
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            tlsFailed(e);
            return;
        }
        drive();
    }

    /** The engine of this connection (for inspection; do not drive it). */
    public SSLEngine engine() {
        return engine;
    }

    /** True once the handshake completed. */
    public boolean handshakeDone() {
        return handshakeDone;
    }

    /**
     * A Deferred that fires with this wrapper when the handshake completes (at once if it has), or
     * fails with the reason the connection was lost before it did (the TLS error naming the cause).
     */
    public Deferred<TLSMemoryBIOProtocol> whenHandshakeDone() {
        if (handshakeDone) {
            return Deferred.succeed(this);
        }
        if (!connected && transport != null) {
            return Deferred.fail(new ConnectionLost("the connection was lost before the TLS handshake completed"));
        }
        Deferred<TLSMemoryBIOProtocol> d = new Deferred<>();
        if (handshakeWaiters == null) {
            handshakeWaiters = new ArrayList<>(1);
        }
        handshakeWaiters.add(d);
        return d;
    }

    // ---- inbound ------------------------------------------------------------------------

    @Override
    public void dataReceived(byte[] data) {
        if (lostTLSConnection || aborted) {
            return;
        }
        if (netIn.position() == 0 && !tasksRunning && !driving) {
            // the usual case, nothing left over from before: decrypt straight from the received array
            ByteBuffer rest = ByteBuffer.wrap(data);
            pending = rest;
            try {
                drive();
            } finally {
                pending = null;
                if (rest.hasRemaining() && !lostTLSConnection) {
                    keep(rest);
                }
            }
            return;
        }
        keep(ByteBuffer.wrap(data));
        drive();
    }

    /** Appends bytes still to be unwrapped to the connection's own input buffer. */
    private void keep(ByteBuffer bytes) {
        if (netIn.remaining() < bytes.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(
                    netIn.position() + bytes.remaining(), engine.getSession().getPacketBufferSize()));
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(bytes);
    }

    /**
     * Moves the engine on as far as it can go with what it has: handshake messages out, records
     * in, delegated tasks started; then sends what was produced. Re-entrant calls (a callback of the
     * wrapped protocol writing or closing) are folded into the running loop.
     */
    private void drive() {
        if (driving) {
            driveAgain = true;
            return;
        }
        driving = true;
        try {
            do {
                driveAgain = false;
                step();
            } while (driveAgain && !lostTLSConnection && !tasksRunning);
        } finally {
            driving = false;
        }
        if (disconnecting
                && handshakeDone
                && appSendBuffer.isEmpty()
                && producer == null
                && pullProducer == null
                && !tasksRunning
                && !lostTLSConnection) {
            shutdownTLS();
        }
    }

    private void step() {
        Scratch scratch = tlsFactory.scratch();
        while (!lostTLSConnection && !tasksRunning && !aborted) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (handshakeDone
                    && status != HandshakeStatus.NOT_HANDSHAKING
                    && !closeNotifyReceived
                    && !closeNotifySent
                    && "TLSv1.2".equals(engine.getSession().getProtocol())) {
                tlsFailed(new SSLException("TLS renegotiation refused: the peer tried to renegotiate the session"));
                return;
            }
            switch (status) {
                case NEED_TASK -> {
                    runDelegatedTasks();
                    continue;
                }
                case NEED_WRAP -> {
                    if (!wrap(NOTHING, scratch)) {
                        return;
                    }
                    continue;
                }
                default -> {
                    // NEED_UNWRAP, NEED_UNWRAP_AGAIN, NOT_HANDSHAKING, FINISHED
                }
            }
            if (handshakeDone && !appSendBuffer.isEmpty()) {
                unbufferPendingWrites(scratch);
                if (lostTLSConnection) {
                    return;
                }
            }
            if (!unwrap(scratch)) {
                return;
            }
        }
    }

    /** Unwraps one record; false when more input is needed or the session ended. */
    private boolean unwrap(Scratch scratch) {
        ByteBuffer direct = pending; // null or the same buffer throughout: dataReceived sets it only when not driving
        if ((direct != null ? !direct.hasRemaining() : netIn.position() == 0)
                && engine.getHandshakeStatus() != HandshakeStatus.NEED_UNWRAP_AGAIN) {
            return false;
        }
        if (closeNotifyReceived) {
            netIn.clear(); // nothing after close_notify is data
            if (direct != null) {
                direct.position(direct.limit());
            }
            return false;
        }
        ByteBuffer app = scratch.appIn(engine);
        SSLEngineResult result;
        ByteBuffer source = direct != null ? direct : netIn.flip();
        try {
            result = engine.unwrap(source, app);
        } catch (SSLException e) {
            netIn.clear();
            if (direct != null) {
                direct.position(direct.limit());
            }
            tlsFailed(e);
            return false;
        }
        if (direct == null) {
            netIn.compact();
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeFinished();
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                if (direct != null) {
                    keep(direct); // a partial record: keep it until the rest arrives
                    return false;
                }
                int needed = engine.getSession().getPacketBufferSize();
                if (netIn.capacity() < needed) {
                    ByteBuffer bigger = ByteBuffer.allocate(needed);
                    netIn.flip();
                    bigger.put(netIn);
                    netIn = bigger;
                }
                return false;
            }
            case BUFFER_OVERFLOW -> {
                scratch.growAppIn(engine);
                return true;
            }
            case CLOSED -> {
                deliver(app);
                closeNotifyReceived = true;
                peerClosed();
                return false;
            }
            default -> {
                deliver(app);
                boolean more = direct != null ? direct.hasRemaining() : netIn.position() > 0;
                return !lostTLSConnection
                        && (more
                                || result.bytesProduced() > 0
                                || engine.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING);
            }
        }
    }

    private void deliver(ByteBuffer app) {
        if (app.position() == 0 || aborted || disconnecting) {
            return;
        }
        app.flip();
        byte[] data = new byte[app.remaining()];
        app.get(data);
        if (wrappedProtocol != null) {
            wrappedProtocol.dataReceived(data);
        }
    }

    /** The peer sent close_notify: half-close for protocols that want it, else reply and close. */
    private void peerClosed() {
        if (halfCloseable && !closeNotifySent && wrappedProtocol != null) {
            ((IHalfCloseableProtocol) wrappedProtocol).readConnectionLost();
            return;
        }
        shutdownTLS();
    }

    private void handshakeFinished() {
        if (handshakeDone) {
            return;
        }
        handshakeDone = true;
        cancelHandshakeTimer();
        resumeAfterHandshake();
        if (wrappedProtocol instanceof IHandshakeListener listener) {
            listener.handshakeCompleted();
        }
        List<Deferred<TLSMemoryBIOProtocol>> waiters = handshakeWaiters;
        handshakeWaiters = null;
        if (waiters != null) {
            for (Deferred<TLSMemoryBIOProtocol> d : waiters) {
                d.callback(this);
            }
        }
    }

    private void cancelHandshakeTimer() {
        IDelayedCall timer = handshakeTimer;
        handshakeTimer = null;
        if (timer != null && timer.active()) {
            timer.cancel();
        }
    }

    private void runDelegatedTasks() {
        List<Runnable> tasks = new ArrayList<>(2);
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            tasks.add(task);
        }
        if (tasks.isEmpty()) {
            return;
        }
        tasksRunning = true;
        tlsFactory.runTasks(tasks, () -> {
            tasksRunning = false;
            if (!lostTLSConnection && !aborted) {
                drive();
            }
        });
    }

    // ---- outbound -----------------------------------------------------------------------

    /**
     * Encrypts {@code data} and writes it to the transport; before the handshake completed it is
     * buffered. Writes after {@link #loseConnection()} are dropped unless a producer is registered.
     */
    @Override
    public void write(byte[] data) {
        if (data.length == 0 || (disconnecting && producer == null && pullProducer == null) || writeClosing) {
            return;
        }
        write0(ByteBuffer.wrap(data));
    }

    @Override
    public void write(ByteBuffer data) {
        if (!data.hasRemaining() || (disconnecting && producer == null && pullProducer == null) || writeClosing) {
            data.position(data.limit());
            return;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        write0(ByteBuffer.wrap(copy));
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        for (byte[] chunk : data) {
            write(chunk);
        }
    }

    private void write0(ByteBuffer data) {
        if (lostTLSConnection || closeNotifySent) {
            return;
        }
        if (!handshakeDone || tasksRunning || !appSendBuffer.isEmpty()) {
            appSendBuffer.add(data);
            return;
        }
        wrap(new ByteBuffer[] {data}, tlsFactory.scratch());
        if (!lostTLSConnection && engine.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING) {
            drive();
        }
    }

    private void unbufferPendingWrites(Scratch scratch) {
        ByteBuffer[] pending = appSendBuffer.toArray(ByteBuffer[]::new);
        appSendBuffer.clear();
        wrap(pending, scratch);
        if (lostTLSConnection) {
            return;
        }
        if (disconnecting && producer == null && pullProducer == null) {
            shutdownTLS();
        } else if (writeClosing) {
            sendCloseNotify();
        }
    }

    /**
     * Wraps all of {@code sources} into the shared output buffer, sending it whenever it fills;
     * false if the engine failed or is closed.
     */
    private boolean wrap(ByteBuffer[] sources, Scratch scratch) {
        while (true) {
            ByteBuffer out = scratch.netOut(engine);
            SSLEngineResult result;
            try {
                result = engine.wrap(sources, out);
            } catch (SSLException e) {
                tlsFailed(e);
                return false;
            }
            if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                scratch.flush(this); // before any callback, which may use the shared buffer
                handshakeFinished();
            }
            switch (result.getStatus()) {
                case BUFFER_OVERFLOW -> {
                    if (out.position() > 0) {
                        scratch.flush(this);
                    } else {
                        scratch.growNetOut(engine);
                    }
                    continue;
                }
                case CLOSED -> {
                    closeNotifySent = true;
                    scratch.flush(this);
                    return false;
                }
                default -> {}
            }
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                // the engine takes no application data right now (a handshake is under way): keep it for later
                for (int i = sources.length - 1; i >= 0; i--) {
                    if (sources[i].hasRemaining()) {
                        appSendBuffer.addFirst(sources[i]);
                    }
                }
                scratch.flush(this);
                return true;
            }
            boolean more = false;
            for (ByteBuffer source : sources) {
                if (source.hasRemaining()) {
                    more = true;
                    break;
                }
            }
            if (!more) {
                scratch.flush(this);
                return true;
            }
        }
    }

    /** Hands the shared output buffer's bytes to the transport (called by {@link Scratch#flush}). */
    void sendRaw(ByteBuffer out) {
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        out.clear();
        if (transport != null && !aborted) {
            transport.write(bytes);
        }
    }

    // ---- closing ------------------------------------------------------------------------

    /** Sends what is buffered, then close_notify, then closes the transport (see the class comment). */
    @Override
    public void loseConnection() {
        if (disconnecting || !connected) {
            return;
        }
        if (!handshakeDone && appSendBuffer.isEmpty()) {
            abortConnection();
            return;
        }
        disconnecting = true;
        if (appSendBuffer.isEmpty() && producer == null && pullProducer == null && !tasksRunning) {
            shutdownTLS();
        }
    }

    /** Sends close_notify once buffered data is written; reading goes on until the peer's close_notify. */
    @Override
    public void loseWriteConnection() {
        if (writeClosing || disconnecting || !connected) {
            return;
        }
        writeClosing = true;
        if (handshakeDone && appSendBuffer.isEmpty() && !tasksRunning) {
            sendCloseNotify();
        }
    }

    private void sendCloseNotify() {
        if (closeNotifySent || lostTLSConnection) {
            return;
        }
        engine.closeOutbound();
        wrap(NOTHING, tlsFactory.scratch());
        closeNotifySent = true;
        if (closeNotifyReceived) {
            transport.loseConnection();
        } else if (halfCloseable && wrappedProtocol != null) {
            ((IHalfCloseableProtocol) wrappedProtocol).writeConnectionLost();
        }
    }

    /** Sends close_notify (if not sent yet) and closes the transport once it has written it. */
    private void shutdownTLS() {
        if (lostTLSConnection) {
            return;
        }
        if (!closeNotifySent) {
            engine.closeOutbound();
            wrap(NOTHING, tlsFactory.scratch());
            closeNotifySent = true;
        }
        lostTLSConnection = true;
        transport.loseConnection();
    }

    /** Closes the transport at once, sending nothing more. */
    @Override
    public void abortConnection() {
        if (aborted) {
            return;
        }
        aborted = true;
        disconnecting = true;
        lostTLSConnection = true;
        appSendBuffer.clear();
        transport.abortConnection();
    }

    /** A TLS error: remember it as the reason, send the alert the engine prepared, close. */
    private void tlsFailed(SSLException error) {
        if (reason == null) {
            reason = new Failure(error);
        }
        LOG.info("TLS error on the connection with {}: {}; closing it", transport.getPeer(), error.getMessage());
        if (lostTLSConnection) {
            return;
        }
        lostTLSConnection = true;
        appSendBuffer.clear();
        Scratch scratch = tlsFactory.scratch();
        try {
            engine.closeOutbound();
            ByteBuffer out = scratch.netOut(engine);
            for (int i = 0; i < 4 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
                engine.wrap(NOTHING, out);
            }
        } catch (SSLException | RuntimeException alertFailed) {
            // the alert is a courtesy; the close below is what matters
        }
        scratch.flush(this);
        transport.loseConnection();
    }

    /**
     * The transport is gone: tells the wrapped protocol why, once. A TLS error found earlier wins over
     * the transport's reason; a close without close_notify is reported as {@link ConnectionLost}.
     */
    @Override
    public void connectionLost(Failure transportReason) {
        Failure why = reason != null ? reason : transportReason;
        if (reason == null && closeNotifyReceived && !aborted) {
            // the TLS session ended cleanly; the transport may still have failed to send our reply
            // (a UNIX socket reports EPIPE when the peer closed right after its close_notify)
            why = ConnectionDone.CONNECTION_DONE;
        } else if (reason == null
                && transportReason.value() instanceof ConnectionDone
                && !closeNotifyReceived
                && !aborted) {
            if (!handshakeDone) {
                why = new Failure(new ConnectionLost("the connection was closed during the TLS handshake"));
                LOG.info("TLS handshake with {} not completed: the peer closed the connection", transport.getPeer());
            } else if (!closeNotifySent) {
                why = new Failure(new ConnectionLost("the peer closed the connection without a TLS close_notify"));
            }
        }
        lostTLSConnection = true;
        reason = null;
        appSendBuffer.clear();
        cancelHandshakeTimer();
        if (engine != null) {
            engine.closeOutbound();
        }
        ProducerMembrane registered = producer;
        producer = null;
        pullProducer = null;
        super.connectionLost(why);
        if (registered != null) {
            registered.stopProducing();
        }
        List<Deferred<TLSMemoryBIOProtocol>> waiters = handshakeWaiters;
        handshakeWaiters = null;
        if (waiters != null) {
            for (Deferred<TLSMemoryBIOProtocol> d : waiters) {
                d.errback(why);
            }
        }
    }

    // ---- producer / consumer -----------------------------------------------------------

    /**
     * Registers {@code producer} with the underlying transport, so that its buffer's water marks
     * pause and resume it; a push producer is also paused while writes wait for the handshake.
     */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (lostTLSConnection) {
            producer.stopProducing();
            return;
        }
        if (this.producer != null || pullProducer != null) {
            throw new IllegalStateException("Cannot register producer " + producer + ", because producer "
                    + (this.producer != null ? this.producer.producer : pullProducer) + " was never unregistered.");
        }
        if (streaming) {
            if (!(producer instanceof IPushProducer push)) {
                throw new IllegalArgumentException("a streaming producer must be an IPushProducer: " + producer);
            }
            ProducerMembrane membrane = new ProducerMembrane(push);
            consumerTransport().registerProducer(membrane, true);
            this.producer = membrane;
            if (!handshakeDone) {
                membrane.pauseProducing();
            }
        } else {
            pullProducer = producer;
            consumerTransport().registerProducer(producer, false);
        }
    }

    @Override
    public void unregisterProducer() {
        if (producer == null && pullProducer == null) {
            return;
        }
        producer = null;
        pullProducer = null;
        consumerTransport().unregisterProducer();
        if (disconnecting && appSendBuffer.isEmpty() && !lostTLSConnection && handshakeDone) {
            shutdownTLS();
        }
    }

    private IConsumer consumerTransport() {
        if (transport instanceof IConsumer consumer) {
            return consumer;
        }
        throw new UnsupportedOperationException(transport + " is not a consumer");
    }

    /** Resumes a push producer paused while waiting for the handshake. */
    private void resumeAfterHandshake() {
        if (producer != null) {
            producer.resumeProducing();
        }
    }

    // ---- TLS information -----------------------------------------------------------------

    @Override
    public @Nullable Certificate getPeerCertificate() {
        if (!handshakeDone || engine == null) {
            return null;
        }
        try {
            java.security.cert.Certificate[] chain = engine.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? new Certificate(x509) : null;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    @Override
    public @Nullable String negotiatedProtocol() {
        if (!handshakeDone || engine == null) {
            return null;
        }
        String protocol = engine.getApplicationProtocol();
        return protocol == null || protocol.isEmpty() ? null : protocol;
    }

    @Override
    public String toString() {
        return "TLSMemoryBIOProtocol("
                + (wrappedProtocol == null ? "None" : wrappedProtocol.getClass().getSimpleName()) + ", handshakeDone="
                + handshakeDone + ")";
    }

    /** Pauses and resumes the application's producer without doubling either event, as Twisted's {@code _ProducerMembrane}. */
    static final class ProducerMembrane implements IPushProducer {
        final IPushProducer producer;
        private boolean paused;

        ProducerMembrane(IPushProducer producer) {
            this.producer = producer;
        }

        @Override
        public void pauseProducing() {
            if (!paused) {
                paused = true;
                producer.pauseProducing();
            }
        }

        @Override
        public void resumeProducing() {
            if (paused) {
                paused = false;
                producer.resumeProducing();
            }
        }

        @Override
        public void stopProducing() {
            producer.stopProducing();
        }
    }
}
