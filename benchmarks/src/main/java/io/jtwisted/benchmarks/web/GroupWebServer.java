package io.jtwisted.benchmarks.web;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.group.GroupFactory;
import io.jtwisted.internet.group.ReactorGroup;
import io.jtwisted.internet.group.Spread;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IReactorTCP.ListenOptions;
import io.jtwisted.web.server.Site;
import io.jtwisted.web.staticfiles.File;
import java.nio.file.Path;

/**
 * The static-file server of {@code benchmarks/group-web.sh}: {@link JTwistedWebServer}'s {@code
 * Site(File(dir))}, one per reactor, on a {@link ReactorGroup} of N reactors. Prints {@code READY <port>}.
 * Usage: {@code GroupWebServer DIR N [port [reuse-port|hand-off]]}.
 */
public final class GroupWebServer {
    private GroupWebServer() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int reactors = Integer.parseInt(args[1]);
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Spread spread = args.length > 3 && args[3].equals("hand-off") ? Spread.HAND_OFF : Spread.REUSE_PORT;
        ReactorGroup group = ReactorGroup.create(reactors, spread);
        IListeningPort listening = group.listenTCP(
                port,
                GroupFactory.perReactor(() -> new Site(new File(dir))),
                ListenOptions.defaults().withBacklog(1024).withInterface("127.0.0.1"));
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        group.run(true);
    }
}
