package io.jtwisted.scripts.twistd;

import io.jtwisted.application.internet.StreamServerEndpointService;
import io.jtwisted.application.internet.TCPServer;
import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceCollection;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.endpoints.TCP4ServerEndpoint;
import io.jtwisted.internet.endpoints.TCP6ServerEndpoint;
import io.jtwisted.internet.group.GroupFactory;
import io.jtwisted.internet.group.ReactorGroup;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.logger.Logger;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code twistd --reactors N} changes in an application written for one reactor, before it starts:
 * its TCP servers listen on a {@link ReactorGroup} around the global reactor instead of on the global
 * reactor alone, so that their connections spread over N reactors. Those are the {@link TCPServer}s given
 * no reactor, and the endpoint services ({@code Strports.service("tcp:...")}) on a {@code tcp:} or
 * {@code tcp6:} endpoint of the global reactor; each of those is replaced, at its place and under its
 * name, by the same service on the group. A factory that is not a {@link GroupFactory} is shared by the
 * reactors (its {@code buildProtocol} then runs on each reactor's thread). Every other service stays on
 * the global reactor, the group's first.
 */
final class GroupSetup {
    private static final Logger log = Logger.forClass(GroupSetup.class);

    private GroupSetup() {}

    /** Moves the TCP servers of {@code root} (and of every collection below it) to {@code group}; returns how many. */
    static int spread(IServiceCollection root, ReactorGroup group) {
        IReactorTCP tcp = new SharingView(group);
        int moved = 0;
        List<IService> children = new ArrayList<>();
        root.forEach(children::add);
        boolean replace = false;
        List<IService> result = new ArrayList<>();
        for (IService child : children) {
            IService now = child;
            if (child instanceof TCPServer server && server.reactor() == null) {
                server.setReactor(tcp);
                moved++;
            } else if (child instanceof StreamServerEndpointService service && onTheGlobalReactor(service.endpoint())) {
                now = new StreamServerEndpointService(onGroup(service.endpoint(), tcp), service.factory())
                        .setRaiseSynchronously(true);
                String name = child.name();
                if (name != null) {
                    now.setName(name);
                }
                replace = true;
                moved++;
            }
            if (now instanceof IServiceCollection inner) {
                moved += spread(inner, group);
            }
            result.add(now);
        }
        if (replace) {
            // Keep the start order: take every child out, then put them back in order.
            for (IService child : children) {
                child.disownServiceParent();
            }
            for (IService child : result) {
                child.setServiceParent(root);
            }
        }
        return moved;
    }

    private static boolean onTheGlobalReactor(IStreamServerEndpoint endpoint) {
        return (endpoint instanceof TCP4ServerEndpoint v4 && v4.reactor() == Reactor.reactor)
                || (endpoint instanceof TCP6ServerEndpoint v6 && v6.reactor() == Reactor.reactor);
    }

    private static IStreamServerEndpoint onGroup(IStreamServerEndpoint endpoint, IReactorTCP tcp) {
        if (endpoint instanceof TCP4ServerEndpoint v4) {
            return new TCP4ServerEndpoint(tcp, v4.port(), v4.options());
        }
        TCP6ServerEndpoint v6 = (TCP6ServerEndpoint) endpoint;
        return new TCP6ServerEndpoint(tcp, v6.port(), v6.options());
    }

    /** The group as the services' {@link IReactorTCP}, declaring every plain factory shared. */
    private static final class SharingView implements IReactorTCP {
        private final ReactorGroup group;

        SharingView(ReactorGroup group) {
            this.group = group;
        }

        private static GroupFactory declared(IProtocolFactory factory) {
            if (factory instanceof GroupFactory already) {
                return already;
            }
            log.info("{factory} is shared by the reactors of the group (twistd --reactors)", factory);
            return GroupFactory.shared(factory);
        }

        @Override
        public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface) {
            return group.listenTCP(port, declared(factory), new ListenOptions(backlog, iface, true));
        }

        @Override
        public IListeningPort listenTCP(int port, IProtocolFactory factory, ListenOptions options) {
            return group.listenTCP(port, declared(factory), options);
        }

        @Override
        public IConnector connectTCP(
                String host,
                int port,
                IClientFactory factory,
                double timeout,
                @Nullable InetSocketAddress bindAddress) {
            return group.connectTCP(host, port, factory, timeout, bindAddress);
        }

        @Override
        public String toString() {
            return group.toString();
        }
    }
}
