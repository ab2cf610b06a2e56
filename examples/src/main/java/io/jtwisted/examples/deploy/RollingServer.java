package io.jtwisted.examples.deploy;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.task.LoopingCall;
import io.jtwisted.protocols.basic.LineReceiver;
import io.jtwisted.protocols.policies.WrappingFactory;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.Resource;
import io.jtwisted.web.server.Site;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A server made to be restarted without refusing anyone: several copies share one port
 * ({@code reusePort=true}, SO_REUSEPORT), and on SIGTERM a copy stops listening, lets the connections
 * it has finish (at most {@link #DRAIN_SECONDS}), then exits. A second, optional port answers
 * {@code GET /ready} with 200 while the copy takes connections and 503 once it drains, for a load
 * balancer's health check or a Kubernetes readiness probe.
 *
 * <p>The service: each line a client sends is answered, after a short delay (work in flight, which
 * the drain waits for), with {@code "<pid> <line>"}.
 *
 * <p>{@code bin/run-example RollingServer [DESCRIPTION] [READY-DESCRIPTION]}: by default
 * {@code tcp:8080:reusePort=true}, and no readiness port.
 */
@Example(
        value = "Shares its port with other copies (reusePort) and drains on SIGTERM: rolling restarts",
        usage = "[ENDPOINT-DESCRIPTION] [READINESS-ENDPOINT-DESCRIPTION]",
        port = 8080)
public final class RollingServer {
    /** How long a stopping copy waits for its connections to finish. */
    static final double DRAIN_SECONDS = 30;
    /** How long each answer takes. */
    static final double WORK_SECONDS = 0.02;

    private static final long PID = ProcessHandle.current().pid();
    private static boolean draining;

    private RollingServer() {}

    /** Answers each line with the process id and the line, after {@link #WORK_SECONDS}. */
    public static class Work extends LineReceiver {
        @Override
        public void lineReceived(byte[] line) {
            String answer = PID + " " + new String(line, StandardCharsets.UTF_8) + "\r\n";
            reactor.callLater(WORK_SECONDS, () -> {
                if (connected) {
                    transport.write(answer.getBytes(StandardCharsets.UTF_8));
                }
            });
        }
    }

    /** {@code GET /ready}: 200 while taking connections, 503 while draining. */
    public static class Ready extends Resource {
        @Override
        protected byte[] renderGET(IRequest request) {
            request.setResponseCode(draining ? 503 : 200);
            return (draining ? "draining\n" : "ready\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    public static void main(String[] args) {
        String description = args.length > 0 ? args[0] : "tcp:8080:reusePort=true";
        // WrappingFactory keeps the set of open connections: what the drain waits for.
        WrappingFactory connections = new WrappingFactory(Factory.forProtocol(Work::new));
        Endpoints.serverFromString(reactor, description).listen(connections).addCallback(port -> {
            reactor.addSystemEventTriggerDeferring(
                    IReactorCore.Phase.BEFORE, IReactorCore.SHUTDOWN, () -> drain(port, connections));
            System.out.println("RollingServer " + PID + " listening on port " + IPAddress.portOf(port));
            return port;
        });
        if (args.length > 1) {
            Resource root = new Resource();
            root.putChild("ready", new Ready());
            Endpoints.serverFromString(reactor, args[1]).listen(new Site(root)).addCallback(port -> {
                System.out.println("RollingServer " + PID + " ready check on port " + IPAddress.portOf(port));
                return port;
            });
        }
        reactor.run();
    }

    /** Stops taking connections, then waits until the open ones are gone (or the drain time is up). */
    static Deferred<@Nullable Void> drain(IListeningPort port, WrappingFactory connections) {
        draining = true;
        Deferred<@Nullable Void> drained = new Deferred<>();
        port.stopListening().<@Nullable Object>addCallback(stopped -> {
            System.out.println("RollingServer " + PID + " stopped listening; draining "
                    + connections.protocols().size() + " connection(s)");
            double deadline = reactor.seconds() + DRAIN_SECONDS;
            LoopingCall[] check = new LoopingCall[1];
            check[0] = new LoopingCall(() -> {
                if (connections.protocols().isEmpty() || reactor.seconds() > deadline) {
                    check[0].stop();
                    System.out.println("RollingServer " + PID + " drained, "
                            + connections.protocols().size() + " left");
                    drained.callback(null);
                }
            });
            check[0].start(0.05);
            return null;
        });
        return drained;
    }
}
