package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;

/**
 * The howtos' simplest protocol: it writes back whatever it receives. Listens on port 8000 (or
 * the first argument; 0 picks a free port) until Ctrl-C. Try it with {@code telnet localhost 8000}.
 */
@Example(value = "The simplest protocol: writes back whatever it receives", usage = "[PORT]", port = 8000)
public class Echo extends Protocol {
    @Override
    public void dataReceived(byte[] data) {
        transport.write(data);
    }

    public static void main(String[] args) {
        int portNumber = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        IListeningPort port = reactor.listenTCP(portNumber, Factory.forProtocol(Echo::new));
        System.out.println("Echo server listening on port " + IPAddress.portOf(port));
        reactor.run();
    }
}
