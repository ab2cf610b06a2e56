package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.logger.Logger;
import io.jtwisted.protocols.policies.ProtocolWrapper;
import io.jtwisted.python.failure.Failure;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the PROXY header (version 1 or 2) that starts a connection, then behaves as a plain
 * {@link ProtocolWrapper} whose {@link #getPeer()} and {@link #getHost()} return the header's
 * addresses, as Twisted's {@code HAProxyProtocolWrapper}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>The wrapped protocol is connected ({@code makeConnection}, so {@code connectionMade}) only once
 *       a complete, valid header has arrived, so that it never sees the proxy's address or the header's
 *       bytes; what followed the header is its first {@code dataReceived}. (Twisted connects it at
 *       once; the PROXY protocol's specification says a receiver must not process the connection
 *       before the header is complete.)</li>
 *   <li>A connection that does not start with a PROXY signature, or whose header is malformed, is
 *       closed and the reason logged at warn level with the connection's real peer; the wrapped
 *       protocol never hears of it. The result does not depend on how the header was cut into reads.</li>
 *   <li>When the header carries no addresses ({@code UNKNOWN}, {@code LOCAL}, unspecified family), the
 *       connection's own addresses are returned.</li>
 * </ul>
 */
public class HAProxyProtocolWrapper extends ProtocolWrapper {
    private static final Logger LOG = Logger.forClass(HAProxyProtocolWrapper.class);

    private @Nullable IProxyParser parser;
    private @Nullable ProxyInfo proxyInfo;
    private boolean rejected;

    public HAProxyProtocolWrapper(Registry registry, IProtocol wrappedProtocol) {
        super(registry, wrappedProtocol);
    }

    /** The parsed header, or {@code null} while it has not fully arrived. */
    public @Nullable ProxyInfo proxyInfo() {
        return proxyInfo;
    }

    /** Takes the transport and registers, but connects the wrapped protocol only once the header is in. */
    @Override
    public void makeConnection(ITransport transport) {
        this.connected = true;
        this.transport = transport;
        connectionMade();
        registry.registerProtocol(this);
    }

    @Override
    public void dataReceived(byte[] data) {
        if (proxyInfo != null) {
            Objects.requireNonNull(wrappedProtocol, "connection lost").dataReceived(data);
            return;
        }
        if (rejected || data.length == 0) {
            return;
        }
        if (parser == null) {
            // The two signatures differ in their first byte: "P" (version 1) or CR (version 2).
            if (data[0] == V1Parser.SIGNATURE[0]) {
                parser = new V1Parser();
            } else if (data[0] == V2Parser.SIGNATURE[0]) {
                parser = new V2Parser();
            } else {
                reject("no PROXY header (the connection does not start with a version 1 or 2 signature)");
                return;
            }
        }
        IProxyParser.Parsed parsed;
        try {
            parsed = parser.feed(data);
        } catch (InvalidProxyHeader e) {
            reject("invalid PROXY header: " + e.getMessage());
            return;
        }
        if (parsed == null) {
            return;
        }
        parser = null;
        proxyInfo = parsed.info();
        IProtocol wrapped = Objects.requireNonNull(wrappedProtocol, "connection lost");
        wrapped.makeConnection(this);
        if (parsed.remaining().length > 0 && wrappedProtocol != null && !disconnecting()) {
            wrapped.dataReceived(parsed.remaining());
        }
    }

    private void reject(String reason) {
        rejected = true;
        parser = null;
        LOG.warn("Closing the connection from {}: {}", transport.getPeer(), reason);
        loseConnection();
    }

    /** Tells the wrapped protocol only if it was connected (the header had arrived). */
    @Override
    public void connectionLost(Failure reason) {
        if (proxyInfo != null) {
            super.connectionLost(reason);
            return;
        }
        connected = false;
        registry.unregisterProtocol(this);
        wrappedProtocol = null;
    }

    /** The header's source address once the header is in and names one, else the connection's peer. */
    @Override
    public IAddress getPeer() {
        IAddress source = proxyInfo == null ? null : proxyInfo.source();
        return source != null ? source : transport.getPeer();
    }

    /** The header's destination address once the header is in and names one, else the connection's host. */
    @Override
    public IAddress getHost() {
        IAddress destination = proxyInfo == null ? null : proxyInfo.destination();
        return destination != null ? destination : transport.getHost();
    }
}
