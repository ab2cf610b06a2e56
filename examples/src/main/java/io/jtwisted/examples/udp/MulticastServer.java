package io.jtwisted.examples.udp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.internet.protocol.DatagramProtocol;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' multicast {@code MulticastPingPong}: joins a group and answers {@code Client: Ping}
 * with {@code Server: Pong}, sent straight (unicast) to the sender. This one stays on the
 * loopback interface (joins on 127.0.0.1). {@code bin/run-example MulticastServer PORT GROUP}
 * (9999 and 228.0.0.5 in the howto).
 */
@Example(value = "Multicast ping/pong server on the loopback interface", usage = "PORT GROUP", port = 9999)
public class MulticastServer extends DatagramProtocol {
    private final String group;

    public MulticastServer(String group) {
        this.group = group;
    }

    @Override
    public void startProtocol() {
        IMulticastTransport multicast = (IMulticastTransport) transport;
        multicast.setTTL(5); // past 5 routers at most
        multicast.joinGroup(group, "127.0.0.1").<@Nullable Object>addCallback(joined -> {
            System.out.println("MulticastServer joined " + group);
            return null;
        });
    }

    @Override
    public void datagramReceived(byte[] datagram, IAddress address) {
        String text = new String(datagram, StandardCharsets.UTF_8);
        System.out.println("Datagram \"" + text + "\" received from " + address);
        if (text.equals("Client: Ping")) {
            // Rather than replying to the group, answer the sender's own port.
            transport.write("Server: Pong".getBytes(StandardCharsets.UTF_8), address);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9999;
        String group = args.length > 1 ? args[1] : "228.0.0.5";
        IMulticastTransport listening = reactor.listenMulticast(port, new MulticastServer(group), true);
        System.out.println("MulticastServer listening on UDP port " + Ports.portOf(listening.getHost()));
        reactor.run();
    }
}
