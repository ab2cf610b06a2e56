package io.jtwisted.web.testing;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A reactor running on its own thread with one factory listening on 127.0.0.1 (port 0), for tests
 * that drive the server with real clients (curl, Python) from the test thread. {@link #close()}
 * stops listening and the reactor, with bounded waits.
 */
@SuppressWarnings("try") // close() waits for the server thread, which an interrupt may cut short
public final class LiveServer implements AutoCloseable {
    public final Reactor reactor = Reactor.create();
    private final Thread thread;
    private final IListeningPort port;

    /** Starts the reactor and listens with the factory {@code make} builds (on the reactor thread). */
    public LiveServer(Function<Reactor, Factory> make) throws Exception {
        thread = new Thread(() -> reactor.run(false), "live-reactor");
        thread.setDaemon(true);
        thread.start();
        CompletableFuture<IListeningPort> listening = new CompletableFuture<>();
        reactor.callFromThread(() -> {
            try {
                listening.complete(reactor.listenTCP(0, make.apply(reactor), 50, "127.0.0.1"));
            } catch (Throwable e) {
                listening.completeExceptionally(e);
            }
        });
        port = listening.get(20, TimeUnit.SECONDS);
    }

    public int port() {
        return ((IPv4Address) port.getHost()).port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws Exception {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        reactor.callFromThread(() -> port.stopListening().addBoth(x -> {
            stopped.complete(null);
            return null;
        }));
        stopped.get(20, TimeUnit.SECONDS);
        reactor.callFromThread(reactor::stop);
        thread.join(20_000);
    }
}
