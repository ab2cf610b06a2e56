package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.interfaces.IReactor;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.internet.ssl.ITrustRoot;
import io.jtwisted.internet.ssl.PrivateCertificate;
import io.jtwisted.internet.ssl.SSL;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ssl:} and {@code tls:} endpoint descriptions, with Twisted's argument names.
 * <ul>
 * <li>server {@code ssl:PORT[:privateKey=server.pem][:certKey=FILE][:extraCertChain=FILE]
 *     [:caCertsDir=DIR][:interface=ADDR][:backlog=N]}: the key from {@code privateKey}, the
 *     certificate from {@code certKey} (default: the same file), intermediates from
 *     {@code extraCertChain}; with {@code caCertsDir}, clients must present a certificate signed by
 *     one of the CAs in that directory.</li>
 * <li>client {@code ssl:HOST:PORT} or {@code ssl:host=HOST:port=PORT}, with {@code caCertsDir},
 *     {@code certKey} and {@code privateKey} (a client certificate), {@code timeout},
 *     {@code bindAddress}. The server's certificate is verified, against the CAs of
 *     {@code caCertsDir} or the platform's, and so is its host name.</li>
 * <li>client {@code tls:HOST:PORT}, with {@code timeout}, {@code bindAddress},
 *     {@code certificate} and {@code privateKey} (a client certificate), {@code trustRoots} (a
 *     directory of CA certificates; default the platform's), {@code endpoint} (another client
 *     description to carry TLS, default a TCP connection to HOST:PORT).</li>
 * </ul>
 */
final class SSLEndpointParsers {
    private SSLEndpointParsers() {}

    static IStreamServerEndpoint parseServer(IReactor reactor, List<String> args, Map<String, String> kw) {
        Endpoints.checkKeys(
                "ssl",
                kw,
                Set.of("port", "privateKey", "certKey", "extraCertChain", "caCertsDir", "interface", "backlog"));
        if (args.size() > 1) {
            throw new IllegalArgumentException("too many positional arguments for an ssl server endpoint: " + args
                    + " (expected ssl:PORT:privateKey=KEY.pem:certKey=CERT.pem)");
        }
        String portText = !args.isEmpty() ? args.get(0) : kw.get("port");
        if (portText == null) {
            throw new IllegalArgumentException("an ssl server endpoint needs a port: ssl:PORT:privateKey=KEY.pem");
        }
        int port = Endpoints.parsePort("ssl", portText);
        int backlog = kw.containsKey("backlog")
                ? Endpoints.parseInt("ssl", "backlog", kw.get("backlog"))
                : IReactorTCP.DEFAULT_BACKLOG;
        String keyFile = kw.getOrDefault("privateKey", "server.pem");
        String certFile = kw.getOrDefault("certKey", keyFile);
        CertificateOptions.Builder options = CertificateOptions.builder();
        try {
            Path[] extra =
                    kw.containsKey("extraCertChain") ? new Path[] {Path.of(kw.get("extraCertChain"))} : new Path[0];
            options.certificate(PrivateCertificate.loadPEMFiles(Path.of(keyFile), Path.of(certFile), extra));
            if (kw.containsKey("caCertsDir")) {
                options.trustRoot(SSL.trustRootFromDirectory(Path.of(kw.get("caCertsDir"))));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("ssl server endpoint: cannot read " + e.getMessage(), e);
        }
        return new SSL4ServerEndpoint(
                Endpoints.tcp(reactor), port, options.build(), backlog, kw.getOrDefault("interface", ""));
    }

    static IStreamClientEndpoint parseSslClient(IReactor reactor, List<String> args, Map<String, String> kw) {
        Endpoints.checkKeys(
                "ssl", kw, Set.of("host", "port", "timeout", "bindAddress", "certKey", "privateKey", "caCertsDir"));
        HostPort target = hostPort("ssl", args, kw);
        ITrustRoot trust = kw.containsKey("caCertsDir") ? trustFrom(kw.get("caCertsDir")) : null;
        PrivateCertificate client = clientCertificate("ssl", kw.get("privateKey"), kw.get("certKey"));
        return new SSL4ClientEndpoint(
                Endpoints.tcp(reactor),
                target.host,
                target.port,
                SSL.optionsForClientTLS(target.host, trust, client),
                timeout("ssl", kw),
                bindAddress(kw));
    }

    static IStreamClientEndpoint parseTlsClient(IReactor reactor, List<String> args, Map<String, String> kw) {
        Endpoints.checkKeys(
                "tls",
                kw,
                Set.of(
                        "host",
                        "port",
                        "timeout",
                        "bindAddress",
                        "certificate",
                        "privateKey",
                        "trustRoots",
                        "endpoint"));
        HostPort target = hostPort("tls", args, kw);
        ITrustRoot trust = kw.containsKey("trustRoots") ? trustFrom(kw.get("trustRoots")) : null;
        PrivateCertificate client = clientCertificate("tls", kw.get("privateKey"), kw.get("certificate"));
        IStreamClientEndpoint carrier;
        if (kw.containsKey("endpoint")) {
            carrier = Endpoints.clientFromString(reactor, kw.get("endpoint"));
        } else if (reactor instanceof io.jtwisted.internet.Reactor full) {
            carrier = new HostnameEndpoint<>(
                    full,
                    target.host,
                    target.port,
                    timeout("tls", kw),
                    bindAddress(kw),
                    HostnameEndpoint.DEFAULT_ATTEMPT_DELAY);
        } else {
            carrier = new TCP4ClientEndpoint(
                    Endpoints.tcp(reactor), target.host, target.port, timeout("tls", kw), bindAddress(kw));
        }
        return new TLSWrapperClientEndpoint(
                SSL.optionsForClientTLS(target.host, trust, client),
                carrier,
                reactor instanceof IReactorThreads threads ? threads : null);
    }

    private record HostPort(String host, int port) {}

    private static HostPort hostPort(String type, List<String> args, Map<String, String> kw) {
        String host = kw.get("host");
        String port = kw.get("port");
        if (args.size() == 2) {
            host = args.get(0);
            port = args.get(1);
        } else if (args.size() == 1) {
            if (host != null) {
                port = args.get(0);
            } else {
                host = args.get(0);
            }
        } else if (args.size() > 2) {
            throw new IllegalArgumentException("too many positional arguments for a " + type + " client endpoint: "
                    + args + " (expected " + type + ":HOST:PORT)");
        }
        if (host == null || port == null) {
            throw new IllegalArgumentException(
                    "a " + type + " client endpoint needs a host and a port: " + type + ":HOST:PORT");
        }
        return new HostPort(host, Endpoints.parsePort(type, port));
    }

    private static double timeout(String type, Map<String, String> kw) {
        if (!kw.containsKey("timeout")) {
            return IReactorTCP.DEFAULT_TIMEOUT;
        }
        try {
            return Double.parseDouble(kw.get("timeout"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "invalid timeout for a " + type + " endpoint: '" + kw.get("timeout") + "'");
        }
    }

    private static @Nullable InetSocketAddress bindAddress(Map<String, String> kw) {
        return kw.containsKey("bindAddress") ? InetSocketAddress.createUnresolved(kw.get("bindAddress"), 0) : null;
    }

    private static ITrustRoot trustFrom(String directory) {
        try {
            return SSL.trustRootFromDirectory(Path.of(directory));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the CA directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable PrivateCertificate clientCertificate(
            String type, @Nullable String keyFile, @Nullable String certFile) {
        if (keyFile == null && certFile == null) {
            return null;
        }
        try {
            String key = keyFile != null ? keyFile : certFile;
            return PrivateCertificate.loadPEMFiles(Path.of(key), Path.of(certFile != null ? certFile : key));
        } catch (IOException e) {
            throw new IllegalArgumentException(type + " client endpoint: cannot read " + e.getMessage(), e);
        }
    }
}
