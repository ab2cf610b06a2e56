package io.jtwisted.names.dns;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * DNS over a stream (TCP, RFC 1035 section 4.2.2, RFC 7766), as Twisted's {@code dns.DNSProtocol}:
 * every message is preceded by its length in two octets, and a connection carries any number of
 * messages in both directions. It serves a server (each query goes to the controller) and a client
 * ({@link #query} sends a query and fires with the response whose id matches).
 *
 * <p>A message that cannot be decoded closes the connection, with the reason logged: the stream
 * cannot be trusted past it. Other connections are not affected.
 */
public class DNSProtocol extends Protocol implements IDNSProtocol {
    private static final Logger log = Logger.forClass(DNSProtocol.class);
    private static final Random IDS = new SecureRandom();

    private final DNSController controller;
    private final @Nullable IReactorTime reactor;
    private final Map<Integer, Pending> liveMessages = new HashMap<>();
    private byte[] buffer = new byte[512];
    private int buffered;

    private record Pending(Deferred<Message> result, IDelayedCall timeout) {}

    /**
     * A protocol handing incoming queries to {@code controller}; {@code reactor} times this end's
     * own queries (it may be {@code null} for a server that never sends any).
     */
    public DNSProtocol(DNSController controller, @Nullable IReactorTime reactor) {
        this.controller = controller;
        this.reactor = reactor;
    }

    @Override
    public void connectionMade() {
        controller.connectionMade(this);
    }

    @Override
    public void connectionLost(Failure reason) {
        controller.connectionLost(this);
        List<Pending> pending = new ArrayList<>(liveMessages.values());
        liveMessages.clear();
        for (Pending p : pending) {
            if (p.timeout.active()) {
                p.timeout.cancel();
            }
            p.result.errback(reason);
        }
    }

    @Override
    public void dataReceived(byte[] data) {
        if (buffered + data.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + data.length));
        }
        System.arraycopy(data, 0, buffer, buffered, data.length);
        buffered += data.length;
        int at = 0;
        while (buffered - at >= 2 && !transport.disconnecting()) {
            int length = ((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF);
            if (buffered - at - 2 < length) {
                break;
            }
            Message message;
            try {
                message = Message.fromBytes(buffer, at + 2, length);
            } catch (DNSDecodeError e) {
                log.warn("closing DNS connection from {}: malformed message: {}", transport.getPeer(), e.getMessage());
                transport.loseConnection();
                return;
            }
            at += 2 + length;
            dispatch(message);
        }
        if (at > 0) {
            System.arraycopy(buffer, at, buffer, 0, buffered - at);
            buffered -= at;
        }
    }

    private void dispatch(Message message) {
        Pending pending = message.answer() ? liveMessages.remove(message.id()) : null;
        if (pending != null) {
            if (pending.timeout.active()) {
                pending.timeout.cancel();
            }
            pending.result.callback(message);
        } else {
            controller.messageReceived(message, this, null);
        }
    }

    /** Sends {@code message}, length-prefixed (Twisted's {@code writeMessage}). */
    public void writeMessage(Message message) {
        byte[] wire = message.toBytes();
        byte[] framed = new byte[wire.length + 2];
        framed[0] = (byte) (wire.length >>> 8);
        framed[1] = (byte) wire.length;
        System.arraycopy(wire, 0, framed, 2, wire.length);
        transport.write(framed);
    }

    @Override
    public void writeMessage(Message message, @Nullable IAddress address, int maxSize) {
        writeMessage(message);
    }

    @Override
    public boolean isStream() {
        return true;
    }

    @Override
    public @Nullable IAddress peer() {
        return transport == null ? null : transport.getPeer();
    }

    /**
     * Sends a query for {@code queries} with a random id, recursion desired, and fires with the
     * response; fails with {@link DNSQueryTimeoutError} after {@code timeout} seconds, or with the
     * connection's failure if it closes first.
     */
    public Deferred<Message> query(List<Query> queries, double timeout) {
        return query(queries, timeout, null);
    }

    /** {@link #query(List, double)}, with an OPT record advertising {@code edns} when it is not null. */
    public Deferred<Message> query(List<Query> queries, double timeout, @Nullable Edns edns) {
        if (reactor == null) {
            throw new IllegalStateException("a DNS protocol made without a reactor cannot time queries of its own");
        }
        int id;
        do {
            id = IDS.nextInt(0x10000);
        } while (liveMessages.containsKey(id));
        Message message = new Message().id(id).recDes(true).edns(edns);
        message.queries().addAll(queries);
        int key = id;
        Deferred<Message> result = new Deferred<>();
        IDelayedCall timer = reactor.callLater(timeout, () -> {
            Pending p = liveMessages.remove(key);
            if (p != null) {
                p.result.errback(new DNSQueryTimeoutError(queries.isEmpty() ? null : queries.get(0)));
            }
        });
        liveMessages.put(id, new Pending(result, timer));
        writeMessage(message);
        return result;
    }
}
