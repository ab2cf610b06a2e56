package io.jtwisted.benchmarks.web;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.web.server.Site;
import io.jtwisted.web.staticfiles.File;
import java.nio.file.Path;

/**
 * The static-file server measured by {@code benchmarks/web.sh}: {@code Site(File(dir))} on the
 * global reactor, no access log. Prints {@code READY <port>}. Usage: {@code JTwistedWebServer DIR [port]}.
 */
public final class JTwistedWebServer {
    private JTwistedWebServer() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Reactor reactor = Reactor.reactor;
        IListeningPort listening = reactor.listenTCP(port, new Site(new File(dir)), 1024, "127.0.0.1");
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        reactor.run();
    }
}
