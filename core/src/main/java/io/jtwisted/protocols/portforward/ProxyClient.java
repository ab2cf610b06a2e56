package io.jtwisted.protocols.portforward;

import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import java.util.Objects;

/**
 * The outgoing side of a forwarded connection, as Twisted's {@code portforward.ProxyClient}: once connected it
 * pairs with the server side, makes each transport the other's producer (so a slow side slows the other,
 * and memory stays bounded), and resumes the server side's reading.
 */
public class ProxyClient extends Proxy {
    @Override
    public void connectionMade() {
        Proxy server = Objects.requireNonNull(peer, "no server side: ProxyClientFactory sets it");
        server.setPeer(this);
        if (transport instanceof IConsumer mine && server.transport() instanceof IProducer theirs) {
            mine.registerProducer(theirs, true);
        }
        if (server.transport() instanceof IConsumer theirs && transport instanceof IProducer mine) {
            theirs.registerProducer(mine, true);
        }
        if (server.transport() instanceof IPushProducer paused) {
            paused.resumeProducing();
        }
    }
}
