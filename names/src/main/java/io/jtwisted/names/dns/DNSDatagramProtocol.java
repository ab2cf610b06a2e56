package io.jtwisted.names.dns;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.protocol.DatagramProtocol;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DNS over UDP, as Twisted's {@code dns.DNSDatagramProtocol}: a server's queries go to the
 * controller (a {@code DNSServerFactory}) and its answers are cut to 512 octets, or to the size the
 * query's EDNS record allows, with TC set when records had to go; a client's {@link #query} fires
 * with the answer that has its id and comes from the server it asked. A datagram that does not
 * decode is dropped with a logged reason; the protocol goes on.
 *
 * <pre>{@code
 * DNSServerFactory factory = new DNSServerFactory(List.of(hostsResolver), List.of(), List.of());
 * reactor.listenUDP(10053, new DNSDatagramProtocol(factory));
 * reactor.listenTCP(10053, factory);
 * }</pre>
 */
public class DNSDatagramProtocol extends DatagramProtocol implements IDNSProtocol {
    private final DatagramMessages messages;

    /** A server-side protocol handing queries to {@code controller}. */
    public DNSDatagramProtocol(DNSController controller) {
        this(controller, null);
    }

    /** A protocol that also sends queries of its own, timed by {@code reactor} ({@code null}: it only answers). */
    public DNSDatagramProtocol(DNSController controller, @Nullable IReactorTime reactor) {
        this.messages = new DatagramMessages(controller, reactor, (datagram, to) -> transport.write(datagram, to));
        this.noisy = false;
    }

    @Override
    public void datagramReceived(byte[] datagram, IAddress addr) {
        messages.datagramReceived(datagram, addr);
    }

    @Override
    public void writeMessage(Message message, @Nullable IAddress address, int maxSize) {
        messages.writeMessage(message, address, maxSize);
    }

    @Override
    public boolean isStream() {
        return false;
    }

    @Override
    public @Nullable IAddress peer() {
        return null;
    }

    /**
     * Sends a query for {@code queries} to {@code server} (an address with an IP literal) and fires
     * with the answer; fails with {@link io.jtwisted.names.dns.DNSQueryTimeoutError} after
     * {@code timeout} seconds.
     */
    public Deferred<Message> query(IAddress server, List<Query> queries, double timeout) {
        return messages.query(server, queries, timeout, null);
    }

    /** {@link #query(IAddress, List, double)} advertising {@code edns} (for larger answers). */
    public Deferred<Message> query(IAddress server, List<Query> queries, double timeout, Edns edns) {
        return messages.query(server, queries, timeout, edns);
    }

    @Override
    public void stopProtocol() {
        messages.stop(new ConnectionDone("the DNS protocol stopped listening"));
    }
}
