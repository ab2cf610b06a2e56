package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.interfaces.IReactor;
import io.jtwisted.internet.interfaces.IReactorSocket;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.python.systemd.ListenFDs;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code systemd:domain=INET:index=0} (or {@code :name=FileDescriptorName}), as Twisted's
 * {@code _SystemdParser}: a socket systemd passed to this process, by its position among
 * {@code LISTEN_FDS} or by its name in {@code LISTEN_FDNAMES}; {@code domain} is the family
 * ({@code INET}, {@code INET6}) without Python's {@code AF_}.
 */
final class SystemdEndpointParser {
    private SystemdEndpointParser() {}

    static IStreamServerEndpoint parse(IReactor reactor, List<String> args, Map<String, String> kwargs) {
        return parse(reactor, args, kwargs, ListenFDs.fromEnvironment());
    }

    static IStreamServerEndpoint parse(
            IReactor reactor, List<String> args, Map<String, String> kw, ListenFDs inherited) {
        Endpoints.checkKeys("systemd", kw, Set.of("domain", "index", "name"));
        String domain = kw.get("domain");
        String index = kw.get("index");
        if (!args.isEmpty()) { // Twisted's positional form: systemd:INET:0
            if (args.size() > 2 || domain != null) {
                throw new IllegalArgumentException("a systemd endpoint is systemd:domain=INET:index=0, not " + args);
            }
            domain = args.get(0);
            if (args.size() == 2) {
                index = args.get(1);
            }
        }
        if (domain == null) {
            throw new IllegalArgumentException(
                    "a systemd endpoint needs domain=INET or domain=INET6: systemd:domain=INET:index=0");
        }
        String name = kw.get("name");
        if ((index == null) == (name == null)) {
            throw new IllegalArgumentException("a systemd endpoint needs one of index=N and name=FileDescriptorName");
        }
        int fileno;
        if (name != null) {
            Integer found = inherited.inheritedNamedDescriptors().get(name);
            if (found == null) {
                throw new IllegalArgumentException(
                        "systemd passed no socket named '" + name + "' (LISTEN_FDNAMES gives "
                                + inherited.inheritedNamedDescriptors().keySet() + ")");
            }
            fileno = found;
        } else {
            int i = Endpoints.parseInt(
                    "systemd", "index", Objects.requireNonNull(index)); // one of index and name is set
            List<Integer> descriptors = inherited.inheritedDescriptors();
            if (i < 0 || i >= descriptors.size()) {
                throw new IllegalArgumentException(
                        descriptors.isEmpty()
                                ? "systemd passed this process no sockets (LISTEN_FDS and LISTEN_PID are unset or for another process)"
                                : "index " + i + " is out of range: systemd passed " + descriptors.size()
                                        + " socket(s)");
            }
            fileno = descriptors.get(i);
        }
        return new AdoptedStreamServerEndpoint(socket(reactor), fileno, family(domain));
    }

    private static ProtocolFamily family(String domain) {
        return switch (domain.toUpperCase(Locale.ROOT)) {
            case "INET" -> StandardProtocolFamily.INET;
            case "INET6" -> StandardProtocolFamily.INET6;
            case "UNIX" -> StandardProtocolFamily.UNIX;
            default ->
                throw new IllegalArgumentException(
                        "unknown domain '" + domain + "' for a systemd endpoint (INET, INET6 or UNIX)");
        };
    }

    private static IReactorSocket socket(IReactor reactor) {
        if (reactor instanceof IReactorSocket socket) {
            return socket;
        }
        throw new IllegalArgumentException("the reactor " + reactor + " does not provide IReactorSocket");
    }
}
