package io.jtwisted.internet;

/**
 * Makes reactors: the service behind {@link Reactor#reactor} and {@link Reactor#create()}, found
 * with {@link java.util.ServiceLoader} (core provides the NIO reactor), so that the API never
 * names an implementation class, as Twisted's {@code twisted.internet.default.install} picks the
 * platform's reactor.
 */
public interface ReactorProvider {
    /**
     * A new reactor, not running.
     *
     * @param global whether it is the process's default reactor, which handles SIGINT and SIGTERM
     *     when run on the main thread
     */
    Reactor create(boolean global);
}
