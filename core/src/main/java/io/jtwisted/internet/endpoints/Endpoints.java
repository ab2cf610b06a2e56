package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactor;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorUNIX;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions of Twisted's {@code twisted.internet.endpoints} module: {@link #connectProtocol},
 * and {@link #serverFromString} / {@link #clientFromString}, which build endpoints from
 * descriptions such as {@code "tcp:8080:interface=127.0.0.1:backlog=50"} or
 * {@code "tcp:host=example.com:port=80:timeout=5"}.
 *
 * <h2>Description syntax (Twisted's)</h2>
 * The endpoint type, then arguments separated by {@code ':'}; an argument {@code key=value} is
 * a keyword argument, others are positional. A backslash makes the next character literal
 * ({@code "tcp:80:interface=\:\:1"}), see {@link #quoteStringArgument}. Built in:
 * <ul>
 * <li>server {@code tcp:PORT[:interface=ADDR][:backlog=N][:reusePort=true]} and {@code tcp6:...}
 *     (interface {@code "::"} by default); {@code reusePort=true} sets {@code SO_REUSEPORT}, see
 *     {@link IReactorTCP.ListenOptions#reusePort()};</li>
 * <li>client {@code tcp:HOST:PORT} or {@code tcp:host=HOST:port=PORT}, with
 *     {@code timeout=SECONDS} and {@code bindAddress=ADDR}; {@code tcp6:...} likewise.</li>
 * </ul>
 * and {@code unix:PATH[:backlog=N][:mode=0660][:lockfile=1]} (server) / {@code unix:PATH} or
 * {@code unix:path=PATH[:timeout=SECONDS][:checkPID=1]} (client), and {@code ssl:} / {@code tls:} (see {@link SSL4ServerEndpoint}, {@link SSL4ClientEndpoint} and
 * docs/tls.md), the server wrapper {@code haproxy:DESCRIPTION} (the PROXY protocol, see
 * {@link io.jtwisted.protocols.haproxy.HAProxy#proxyEndpoint}) and the server
 * {@code systemd:domain=INET:index=0} (or {@code :name=NAME}: a socket passed by systemd, see
 * {@link AdoptedStreamServerEndpoint}), both in docs/deploying.md. Other types (plugins) are added with {@link #registerServerParser} and
 * {@link #registerClientParser}. A bad description raises {@link IllegalArgumentException}
 * with a message naming the problem.
 */
public final class Endpoints {
    /** Builds a server endpoint from parsed description arguments (type name removed). */
    @FunctionalInterface
    public interface ServerParser {
        IStreamServerEndpoint parse(IReactor reactor, List<String> args, Map<String, String> kwargs);
    }

    /** Builds a client endpoint from parsed description arguments (type name removed). */
    @FunctionalInterface
    public interface ClientParser {
        IStreamClientEndpoint parse(IReactor reactor, List<String> args, Map<String, String> kwargs);
    }

    private static final Map<String, ServerParser> SERVER_PARSERS = new ConcurrentHashMap<>();
    private static final Map<String, ClientParser> CLIENT_PARSERS = new ConcurrentHashMap<>();

    static {
        SERVER_PARSERS.put("tcp", (reactor, args, kw) -> parseTcpServer(reactor, args, kw, false));
        SERVER_PARSERS.put("tcp6", (reactor, args, kw) -> parseTcpServer(reactor, args, kw, true));
        CLIENT_PARSERS.put("tcp", (reactor, args, kw) -> parseTcpClient(reactor, args, kw, false));
        CLIENT_PARSERS.put("tcp6", (reactor, args, kw) -> parseTcpClient(reactor, args, kw, true));
        SERVER_PARSERS.put("unix", Endpoints::parseUnixServer);
        CLIENT_PARSERS.put("unix", Endpoints::parseUnixClient);
        SERVER_PARSERS.put("ssl", SSLEndpointParsers::parseServer);
        CLIENT_PARSERS.put("ssl", SSLEndpointParsers::parseSslClient);
        CLIENT_PARSERS.put("tls", SSLEndpointParsers::parseTlsClient);
        // Deployment: the PROXY protocol wrapper and sockets handed over by systemd.
        SERVER_PARSERS.put("haproxy", HAProxyEndpointParser::parse);
        SERVER_PARSERS.put("systemd", SystemdEndpointParser::parse);
    }

    private Endpoints() {}

    /**
     * Connects {@code protocol} (one instance, no factory needed) through {@code endpoint}.
     *
     * @return a Deferred firing with {@code protocol} once it is connected
     */
    public static <P extends IProtocol> Deferred<P> connectProtocol(IStreamClientEndpoint endpoint, P protocol) {
        IProtocolFactory factory = new IProtocolFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return protocol;
            }

            @Override
            public void doStart() {}

            @Override
            public void doStop() {}
        };
        return endpoint.connect(factory).addCallback(connected -> protocol);
    }

    /**
     * A server endpoint from {@code description} (see the class comment), listening with
     * {@code reactor}: any reactor that provides what the endpoint type needs ({@code tcp:} needs
     * {@link IReactorTCP}), a test's {@code MemoryReactor} included.
     *
     * @throws IllegalArgumentException if the description is malformed or of an unknown type
     */
    public static IStreamServerEndpoint serverFromString(IReactor reactor, String description) {
        Descriptions.Parsed parsed = Descriptions.parse(description);
        String type = typeOf(parsed, description);
        ServerParser parser = SERVER_PARSERS.get(type.toLowerCase(Locale.ROOT));
        if (parser == null) {
            throw new IllegalArgumentException("Unknown endpoint type: '" + type + "' in '" + description
                    + "' (known server types: " + String.join(", ", SERVER_PARSERS.keySet()) + ")");
        }
        return parser.parse(reactor, parsed.args().subList(1, parsed.args().size()), parsed.kwargs());
    }

    /** The endpoint type: the first positional argument, which a description must start with. */
    private static String typeOf(Descriptions.Parsed parsed, String description) {
        if (parsed.args().isEmpty()) {
            throw new IllegalArgumentException("Invalid endpoint description '" + description
                    + "': it must start with the endpoint type (as in tcp:8080), not a keyword argument");
        }
        return parsed.args().get(0);
    }

    /**
     * A client endpoint from {@code description} (see the class comment), connecting with
     * {@code reactor}: any reactor that provides what the endpoint type needs, as for
     * {@link #serverFromString}.
     *
     * @throws IllegalArgumentException if the description is malformed or of an unknown type
     */
    public static IStreamClientEndpoint clientFromString(IReactor reactor, String description) {
        Descriptions.Parsed parsed = Descriptions.parse(description);
        String type = typeOf(parsed, description);
        ClientParser parser = CLIENT_PARSERS.get(type.toLowerCase(Locale.ROOT));
        if (parser == null) {
            throw new IllegalArgumentException("Unknown endpoint type: '" + type + "' in '" + description
                    + "' (known client types: " + String.join(", ", CLIENT_PARSERS.keySet()) + ")");
        }
        return parser.parse(reactor, parsed.args().subList(1, parsed.args().size()), parsed.kwargs());
    }

    /**
     * Runs TLS over the connections of {@code wrappedEndpoint}, as Twisted's {@code wrapClientTLS}; the
     * engine's delegated tasks run inline (use {@link TLSWrapperClientEndpoint} to give them a thread pool).
     * The Deferred of {@code connect} fires once the handshake completed, or fails with the TLS error.
     */
    public static IStreamClientEndpoint wrapClientTLS(
            io.jtwisted.internet.ssl.IClientConnectionCreator connectionCreator,
            IStreamClientEndpoint wrappedEndpoint) {
        return new TLSWrapperClientEndpoint(connectionCreator, wrappedEndpoint, null);
    }

    /** Escapes {@code argument} so that it is read back as one argument: {@code '\'} and {@code ':'} get a backslash. */
    public static String quoteStringArgument(String argument) {
        return Descriptions.quote(argument);
    }

    /** Makes {@code serverFromString} accept descriptions starting with {@code type} (case-insensitive). */
    public static void registerServerParser(String type, ServerParser parser) {
        SERVER_PARSERS.put(type.toLowerCase(Locale.ROOT), parser);
    }

    /** Makes {@code clientFromString} accept descriptions starting with {@code type} (case-insensitive). */
    public static void registerClientParser(String type, ClientParser parser) {
        CLIENT_PARSERS.put(type.toLowerCase(Locale.ROOT), parser);
    }

    private static IStreamServerEndpoint parseTcpServer(
            IReactor reactor, List<String> args, Map<String, String> kw, boolean v6) {
        String type = v6 ? "tcp6" : "tcp";
        checkKeys(type, kw, Set.of("port", "interface", "backlog", "reusePort"));
        if (args.size() > 1) {
            throw new IllegalArgumentException("too many positional arguments for a " + type + " server endpoint: "
                    + args + " (expected " + type + ":PORT[:interface=ADDR][:backlog=N])");
        }
        String portText = !args.isEmpty() ? args.get(0) : kw.get("port");
        if (portText == null) {
            throw new IllegalArgumentException("a " + type + " server endpoint needs a port: " + type + ":PORT");
        }
        int port = parsePort(type, portText);
        int backlog =
                kw.containsKey("backlog") ? parseInt(type, "backlog", kw.get("backlog")) : IReactorTCP.DEFAULT_BACKLOG;
        boolean reusePort = kw.containsKey("reusePort") && parseBoolean(type, "reusePort", kw.get("reusePort"));
        IReactorTCP tcp = tcp(reactor);
        if (v6) {
            return new TCP6ServerEndpoint(
                    tcp, port, new IReactorTCP.ListenOptions(backlog, kw.getOrDefault("interface", "::"), reusePort));
        }
        return new TCP4ServerEndpoint(
                tcp, port, new IReactorTCP.ListenOptions(backlog, kw.getOrDefault("interface", ""), reusePort));
    }

    private static IStreamClientEndpoint parseTcpClient(
            IReactor reactor, List<String> args, Map<String, String> kw, boolean v6) {
        String type = v6 ? "tcp6" : "tcp";
        checkKeys(type, kw, Set.of("host", "port", "timeout", "bindAddress"));
        String host = kw.get("host");
        String portText = kw.get("port");
        if (args.size() == 2) {
            host = args.get(0);
            portText = args.get(1);
        } else if (args.size() == 1) {
            if (host != null) {
                portText = args.get(0);
            } else {
                host = args.get(0);
            }
        } else if (args.size() > 2) {
            throw new IllegalArgumentException("too many positional arguments for a " + type + " client endpoint: "
                    + args + " (expected " + type + ":HOST:PORT)");
        }
        if (host == null || portText == null) {
            throw new IllegalArgumentException("a " + type + " client endpoint needs a host and a port: " + type
                    + ":HOST:PORT or " + type + ":host=HOST:port=PORT");
        }
        int port = parsePort(type, portText);
        double timeout = IReactorTCP.DEFAULT_TIMEOUT;
        if (kw.containsKey("timeout")) {
            try {
                timeout = Double.parseDouble(kw.get("timeout"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "invalid timeout for a " + type + " endpoint: '" + kw.get("timeout") + "'");
            }
        }
        InetSocketAddress bind = null;
        if (kw.containsKey("bindAddress")) {
            bind = InetSocketAddress.createUnresolved(kw.get("bindAddress"), 0);
        }
        IReactorTCP tcp = tcp(reactor);
        return v6
                ? new TCP6ClientEndpoint(tcp, host, port, timeout, bind)
                : new TCP4ClientEndpoint(tcp, host, port, timeout, bind);
    }

    private static IStreamServerEndpoint parseUnixServer(IReactor reactor, List<String> args, Map<String, String> kw) {
        checkKeys("unix", kw, Set.of("address", "backlog", "mode", "lockfile"));
        String address = args.size() == 1 ? args.get(0) : kw.get("address");
        if (address == null || args.size() > 1) {
            throw new IllegalArgumentException(
                    "a unix server endpoint needs one path: unix:PATH[:mode=0660][:lockfile=1]");
        }
        int backlog = kw.containsKey("backlog")
                ? parseInt("unix", "backlog", kw.get("backlog"))
                : IReactorTCP.DEFAULT_BACKLOG;
        int mode = IReactorUNIX.DEFAULT_MODE;
        if (kw.containsKey("mode")) {
            try {
                mode = Integer.parseInt(kw.get("mode"), 8);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "invalid mode for a unix endpoint (octal expected): '" + kw.get("mode") + "'");
            }
        }
        boolean lockfile = "1".equals(kw.getOrDefault("lockfile", "0"));
        return new UNIXServerEndpoint(unix(reactor), address, backlog, mode, lockfile);
    }

    private static IStreamClientEndpoint parseUnixClient(IReactor reactor, List<String> args, Map<String, String> kw) {
        checkKeys("unix", kw, Set.of("path", "timeout", "checkPID"));
        String path = args.size() == 1 ? args.get(0) : kw.get("path");
        if (path == null || args.size() > 1) {
            throw new IllegalArgumentException("a unix client endpoint needs one path: unix:PATH or unix:path=PATH");
        }
        double timeout = IReactorTCP.DEFAULT_TIMEOUT;
        if (kw.containsKey("timeout")) {
            try {
                timeout = Double.parseDouble(kw.get("timeout"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid timeout for a unix endpoint: '" + kw.get("timeout") + "'");
            }
        }
        return new UNIXClientEndpoint(unix(reactor), path, timeout, "1".equals(kw.getOrDefault("checkPID", "0")));
    }

    static IReactorUNIX unix(IReactor reactor) {
        if (reactor instanceof IReactorUNIX unix) {
            return unix;
        }
        throw new IllegalArgumentException("the reactor " + reactor + " does not provide IReactorUNIX");
    }

    static IReactorTCP tcp(IReactor reactor) {
        if (reactor instanceof IReactorTCP tcp) {
            return tcp;
        }
        throw new IllegalArgumentException("the reactor " + reactor + " does not provide IReactorTCP");
    }

    static void checkKeys(String type, Map<String, String> kw, Set<String> known) {
        for (String key : kw.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown parameter '" + key + "' for a " + type + " endpoint (known: "
                                + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    static int parsePort(String type, String text) {
        int port = parseInt(type, "port", text);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port for a " + type + " endpoint: " + port + " (0-65535)");
        }
        return port;
    }

    /** {@code true}/{@code false} (any case) or {@code 1}/{@code 0}, as Twisted's flag arguments. */
    static boolean parseBoolean(String type, String name, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default ->
                throw new IllegalArgumentException(
                        "invalid " + name + " for a " + type + " endpoint: '" + text + "' (expected true or false)");
        };
    }

    static int parseInt(String type, String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "invalid " + name + " for a " + type + " endpoint: '" + text + "' is not a number");
        }
    }
}
