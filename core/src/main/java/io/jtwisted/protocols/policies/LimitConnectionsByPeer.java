package io.jtwisted.protocols.policies;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a connection when its peer's host already has {@link #maxConnectionsPerPeer} (5 by
 * default) open connections, as Twisted's {@code twisted.protocols.policies.LimitConnectionsByPeer}.
 */
public class LimitConnectionsByPeer extends WrappingFactory {
    /** How many connections one host may have open at once. */
    protected int maxConnectionsPerPeer = 5;

    private final Map<String, Integer> peerConnections = new HashMap<>();

    public LimitConnectionsByPeer(IProtocolFactory wrappedFactory) {
        super(wrappedFactory);
    }

    /** Sets the limit per host; returns this factory. */
    public LimitConnectionsByPeer withMaxConnectionsPerPeer(int max) {
        maxConnectionsPerPeer = max;
        return this;
    }

    @Override
    public void startFactory() {
        peerConnections.clear();
        super.startFactory();
    }

    /** How many connections {@code host} has open. */
    public int connectionCount(String host) {
        return peerConnections.getOrDefault(host, 0);
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        String host = host(address);
        int count = peerConnections.getOrDefault(host, 0);
        if (count >= maxConnectionsPerPeer) {
            return null;
        }
        IProtocol built = super.buildProtocol(address);
        if (built != null) {
            peerConnections.put(host, count + 1);
        }
        return built;
    }

    @Override
    public void unregisterProtocol(ProtocolWrapper protocol) {
        super.unregisterProtocol(protocol);
        String host = host(protocol.getPeer());
        Integer count = peerConnections.get(host);
        if (count == null) {
            return;
        }
        if (count <= 1) {
            peerConnections.remove(host);
        } else {
            peerConnections.put(host, count - 1);
        }
    }

    private static String host(IAddress address) {
        if (address instanceof IPv4Address v4) {
            return v4.host();
        }
        if (address instanceof IPv6Address v6) {
            return v6.host();
        }
        return String.valueOf(address);
    }
}
