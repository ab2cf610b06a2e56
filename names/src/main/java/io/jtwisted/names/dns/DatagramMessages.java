package io.jtwisted.names.dns;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.Logger;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * DNS over datagrams, without the transport: what Twisted's {@code DNSDatagramProtocol} does with
 * each datagram, kept apart so that it is the same on every datagram transport. A datagram that
 * does not decode is dropped with a logged reason; a response is matched to the pending query
 * with its id <em>and</em> sent from the address that query went to (anything else is dropped, so
 * a spoofed answer from elsewhere does not count); a query goes to the controller. Answers are cut
 * to the size the request allows.
 */
final class DatagramMessages implements IDNSProtocol {
    private static final Logger log = Logger.forClass(DatagramMessages.class);
    private static final Random IDS = new SecureRandom();

    /** Sends one datagram. */
    interface Sender {
        void send(byte[] datagram, IAddress to);
    }

    private record Pending(Deferred<Message> result, IDelayedCall timeout, IAddress server) {}

    private final DNSController controller;
    private final @Nullable IReactorTime reactor; // null: it only answers
    private final Sender sender;
    private final Map<Integer, Pending> live = new HashMap<>();

    DatagramMessages(DNSController controller, @Nullable IReactorTime reactor, Sender sender) {
        this.controller = controller;
        this.reactor = reactor;
        this.sender = sender;
    }

    void datagramReceived(byte[] data, IAddress from) {
        Message message;
        try {
            message = Message.fromBytes(data);
        } catch (DNSDecodeError e) {
            log.info("dropped a malformed DNS datagram from {}: {}", from, e.getMessage());
            return;
        }
        if (message.answer()) {
            Pending pending = live.get(message.id());
            if (pending == null || !sameEndpoint(pending.server, from)) {
                log.debug("dropped an unexpected DNS response from {} (id {})", from, message.id());
                return;
            }
            live.remove(message.id());
            if (pending.timeout.active()) {
                pending.timeout.cancel();
            }
            pending.result.callback(message);
            return;
        }
        controller.messageReceived(message, this, from);
    }

    @Override
    public void writeMessage(Message message, @Nullable IAddress address, int maxSize) {
        Objects.requireNonNull(address, "a datagram goes to an address");
        sender.send(message.toBytes(Math.min(maxSize, 0xFFFF)), address);
    }

    @Override
    public boolean isStream() {
        return false;
    }

    @Override
    public @Nullable IAddress peer() {
        return null;
    }

    /** How many queries await an answer. */
    int pending() {
        return live.size();
    }

    /**
     * Sends a query for {@code queries} to {@code server} with a random id, recursion desired and
     * {@code edns} if not null; fires with the answer or fails with {@link DNSQueryTimeoutError}.
     */
    Deferred<Message> query(IAddress server, List<Query> queries, double timeout, @Nullable Edns edns) {
        if (reactor == null) {
            throw new IllegalStateException("a DNS protocol made without a reactor cannot time queries of its own");
        }
        int id;
        do {
            id = IDS.nextInt(0x10000);
        } while (live.containsKey(id));
        Message message = new Message().id(id).recDes(true).edns(edns);
        message.queries().addAll(queries);
        Deferred<Message> result = new Deferred<>();
        int key = id;
        IDelayedCall timer = reactor.callLater(timeout, () -> {
            Pending p = live.remove(key);
            if (p != null) {
                p.result.errback(new DNSQueryTimeoutError(queries.isEmpty() ? null : queries.get(0)));
            }
        });
        live.put(id, new Pending(result, timer, server));
        sender.send(message.toBytes(), server);
        return result;
    }

    /** Fails every pending query with {@code reason} (the transport went away). */
    void stop(Throwable reason) {
        List<Pending> pending = List.copyOf(live.values());
        live.clear();
        for (Pending p : pending) {
            if (p.timeout.active()) {
                p.timeout.cancel();
            }
            p.result.errback(reason);
        }
    }

    private static boolean sameEndpoint(IAddress a, IAddress b) {
        return Objects.equals(hostPort(a), hostPort(b));
    }

    private static String hostPort(IAddress address) {
        if (address instanceof IPv4Address v4) {
            return v4.host() + ":" + v4.port();
        }
        if (address instanceof IPv6Address v6) {
            return v6.host() + ":" + v6.port();
        }
        return String.valueOf(address);
    }
}
