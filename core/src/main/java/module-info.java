/**
 * JTwisted core: Deferreds, the reactor, protocols, endpoints, tasks and the logger. Only API
 * packages are exported; the machinery lives in {@code io.jtwisted.internal} packages.
 */
module io.jtwisted.core {
    requires transitive org.slf4j;
    requires static transitive org.jspecify; // nullness annotations, kept in the class files for checkers and Kotlin

    uses org.slf4j.spi.SLF4JServiceProvider; // to find an SLF4J provider without initialising SLF4J

    requires jdk.unsupported; // sun.misc.Signal, for SIGINT/SIGTERM handling by the reactor
    requires org.jctools.core; // the lock-free queue of callFromThread
    requires static org.newsclub.net.unix; // junixsocket, optional: UNIX datagram sockets only

    uses io.jtwisted.internet.ReactorProvider;

    provides io.jtwisted.internet.ReactorProvider with
            io.jtwisted.internal.reactor.NioReactorProvider;

    exports io.jtwisted.application.internet;
    exports io.jtwisted.application.service;
    exports io.jtwisted.application.strports;
    exports io.jtwisted.internet;
    exports io.jtwisted.internet.address;
    exports io.jtwisted.internet.base;
    exports io.jtwisted.internet.defer;
    exports io.jtwisted.internet.endpoints;
    exports io.jtwisted.internet.error;
    exports io.jtwisted.internet.group;
    exports io.jtwisted.internet.interfaces;
    exports io.jtwisted.internet.protocol;
    exports io.jtwisted.internet.ssl;
    exports io.jtwisted.internet.task;
    exports io.jtwisted.internet.testing;
    exports io.jtwisted.internet.threads;
    exports io.jtwisted.internet.utils;
    exports io.jtwisted.logger;
    exports io.jtwisted.protocols.basic;
    exports io.jtwisted.protocols.haproxy;
    exports io.jtwisted.protocols.policies;
    exports io.jtwisted.protocols.portforward;
    exports io.jtwisted.protocols.tls;
    exports io.jtwisted.python.failure;
    exports io.jtwisted.python.logfile;
    exports io.jtwisted.python.systemd;
}
