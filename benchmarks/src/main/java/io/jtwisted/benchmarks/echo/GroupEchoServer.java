package io.jtwisted.benchmarks.echo;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.group.GroupFactory;
import io.jtwisted.internet.group.ReactorGroup;
import io.jtwisted.internet.group.Spread;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorTCP.ListenOptions;
import io.jtwisted.internet.protocol.Factory;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jspecify.annotations.Nullable;

/**
 * The echo server of {@link GroupEchoBenchmark}: the same {@code Echo} protocol as {@link JTwistedEchoServer},
 * on a {@link ReactorGroup} of N reactors, one factory per reactor (no state shared between threads).
 * Prints {@code READY <port>} once listening on 127.0.0.1, and on SIGTERM, once the group stopped,
 * {@code SPREAD a b ...}: how many connections each reactor accepted. Usage: {@code GroupEchoServer N [port
 * [reuse-port|hand-off]]} (how the group spreads connections: {@link Spread}; reuse-port by default).
 */
public final class GroupEchoServer {
    private GroupEchoServer() {}

    public static void main(String[] args) {
        int reactors = Integer.parseInt(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Spread spread = args.length > 2 && args[2].equals("hand-off") ? Spread.HAND_OFF : Spread.REUSE_PORT;
        ReactorGroup group = ReactorGroup.create(reactors, spread);
        AtomicIntegerArray accepted = new AtomicIntegerArray(reactors);
        int[] next = {0};
        IListeningPort listening = group.listenTCP(
                port,
                GroupFactory.perReactor(() -> {
                    int index = next[0]++; // the supplier runs once per reactor, in order, on this thread
                    return new Factory(JTwistedEchoServer.Echo::new) {
                        @Override
                        public @Nullable IProtocol buildProtocol(IAddress address) {
                            accepted.incrementAndGet(index);
                            return super.buildProtocol(address);
                        }
                    };
                }),
                ListenOptions.defaults().withBacklog(1024).withInterface("127.0.0.1"));
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        group.run(true);
        StringBuilder counts = new StringBuilder("SPREAD");
        for (int i = 0; i < reactors; i++) {
            counts.append(' ').append(accepted.get(i));
        }
        System.out.println(counts);
        System.out.flush();
    }
}
