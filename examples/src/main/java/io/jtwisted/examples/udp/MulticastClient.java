package io.jtwisted.examples.udp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.internet.protocol.DatagramProtocol;
import java.nio.charset.StandardCharsets;

/**
 * The howtos' {@code MulticastPingClient}: sends {@code Client: Ping} to the group and prints the
 * answer, then stops. Stays on the loopback interface (sends from 127.0.0.1).
 * {@code bin/run-example MulticastClient PORT GROUP} (9999 and 228.0.0.5 in the howto).
 */
@Example(value = "Multicast ping client: pings the group, prints the pong", usage = "PORT GROUP", port = 9999)
public class MulticastClient extends DatagramProtocol {
    private final int port;
    private final String group;

    public MulticastClient(int port, String group) {
        this.port = port;
        this.group = group;
    }

    @Override
    public void startProtocol() {
        IMulticastTransport multicast = (IMulticastTransport) transport;
        multicast.setOutgoingInterface("127.0.0.1");
        multicast.joinGroup(group, "127.0.0.1");
        // Send to the group; the server answers this socket directly.
        transport.write("Client: Ping".getBytes(StandardCharsets.UTF_8), group, port);
        reactor.callLater(5, () -> {
            System.out.println("No answer within 5 s");
            reactor.stop();
        });
    }

    @Override
    public void datagramReceived(byte[] datagram, IAddress address) {
        String text = new String(datagram, StandardCharsets.UTF_8);
        System.out.println("Datagram \"" + text + "\" received from " + address);
        if (text.equals("Server: Pong")) {
            reactor.stop();
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9999;
        String group = args.length > 1 ? args[1] : "228.0.0.5";
        reactor.listenMulticast(0, new MulticastClient(port, group), true);
        reactor.run();
    }
}
