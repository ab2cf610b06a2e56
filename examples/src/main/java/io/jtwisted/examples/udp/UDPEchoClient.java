package io.jtwisted.examples.udp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.protocol.DatagramProtocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The howtos' connected UDP client ({@code Helloer}): connects its socket to one server, sends a
 * line without naming the address, prints the answer, and says so when nobody listens there
 * ({@code connectionRefused}). {@code bin/run-example UDPEchoClient HOST PORT [MESSAGE]}.
 */
@Example(
        value = "Connected UDP: sends a line, prints the answer or that nobody listens",
        usage = "HOST PORT [MESSAGE]",
        port = 9999)
public class UDPEchoClient extends DatagramProtocol {
    /** Seconds to wait for an answer before giving up. */
    static final double PATIENCE = 5;

    private final String host;
    private final int port;
    private final String message;

    public UDPEchoClient(String host, int port, String message) {
        this.host = host;
        this.port = port;
        this.message = message;
    }

    @Override
    public void startProtocol() {
        transport.connect(host, port);
        System.out.println("now we can only send to host " + host + " port " + port);
        transport.write((message + "\n").getBytes(StandardCharsets.UTF_8)); // no need for an address
        reactor.callLater(PATIENCE, () -> {
            System.out.println("No answer within " + PATIENCE + " s");
            reactor.stop();
        });
    }

    @Override
    public void datagramReceived(byte[] data, IAddress addr) {
        System.out.print("received " + new String(data, StandardCharsets.UTF_8));
        System.out.flush();
        reactor.stop();
    }

    /** Possibly called when no server listens on the address we send to. */
    @Override
    public void connectionRefused() {
        System.out.println("No one listening");
        reactor.stop();
    }

    public static void main(String[] args) throws UnknownHostException {
        if (args.length < 2) {
            throw new IllegalArgumentException("HOST and PORT are required");
        }
        // connect() takes an IP address, as in Twisted: resolve a name first.
        String host = InetAddress.getByName(args[0]).getHostAddress();
        UDPEchoClient client =
                new UDPEchoClient(host, Integer.parseInt(args[1]), args.length > 2 ? args[2] : "hello, world");
        reactor.listenUDP(0, client);
        reactor.run();
    }
}
