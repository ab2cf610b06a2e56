package io.jtwisted.internet.ssl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The functions of Twisted's {@code twisted.internet.ssl} module: {@link #optionsForClientTLS},
 * {@link #platformTrust()}, {@link #trustRootFromCertificates}.
 */
public final class SSL {
    private SSL() {}

    /**
     * Client options for {@code hostname}, verifying the server against the platform's trust store
     * (the JDK's {@code cacerts}). See {@link ClientTLSOptions}.
     */
    public static ClientTLSOptions optionsForClientTLS(String hostname) {
        return optionsForClientTLS(hostname, null, null, List.of());
    }

    /** Client options for {@code hostname} trusting {@code trustRoot} ({@code null}: {@link #platformTrust()}). */
    public static ClientTLSOptions optionsForClientTLS(String hostname, @Nullable ITrustRoot trustRoot) {
        return optionsForClientTLS(hostname, trustRoot, null, List.of());
    }

    /** As above, presenting {@code clientCertificate} when the server asks for one ({@code null}: none). */
    public static ClientTLSOptions optionsForClientTLS(
            String hostname, @Nullable ITrustRoot trustRoot, @Nullable PrivateCertificate clientCertificate) {
        return optionsForClientTLS(hostname, trustRoot, clientCertificate, List.of());
    }

    /**
     * Client options for {@code hostname}, as Twisted's {@code optionsForClientTLS(hostname,
     * trustRoot, clientCertificate, acceptableProtocols=...)}: TLS 1.2+, modern ciphers, SNI,
     * chain and host name verified.
     *
     * @param hostname the server's DNS name or IP address, as it must appear in its certificate
     * @param trustRoot the roots to trust, {@code null} for {@link #platformTrust()}
     * @param clientCertificate presented when the server asks, or {@code null}
     * @param acceptableProtocols ALPN names to offer, in preference order (empty: no ALPN)
     */
    public static ClientTLSOptions optionsForClientTLS(
            String hostname,
            @Nullable ITrustRoot trustRoot,
            @Nullable PrivateCertificate clientCertificate,
            List<String> acceptableProtocols) {
        if (hostname == null || hostname.isEmpty()) {
            throw new IllegalArgumentException("optionsForClientTLS needs the server's host name");
        }
        CertificateOptions options = CertificateOptions.builder()
                .trustRoot(trustRoot != null ? trustRoot : platformTrust())
                .certificate(clientCertificate)
                .acceptableProtocols(acceptableProtocols)
                .build();
        return new ClientTLSOptions(hostname, options, true);
    }

    /** The platform's trust store: the CAs of the JDK's {@code cacerts} (or {@code javax.net.ssl.trustStore}). */
    public static ITrustRoot platformTrust() {
        return () -> trustManagers(null);
    }

    /** Trusts exactly {@code certificates} (CA or self-signed certificates) and nothing else. */
    public static ITrustRoot trustRootFromCertificates(List<? extends Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("trustRootFromCertificates needs at least one certificate");
        }
        List<Certificate> copy = List.copyOf(certificates);
        return () -> {
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < copy.size(); i++) {
                    store.setCertificateEntry("ca" + i, copy.get(i).x509());
                }
                return trustManagers(store);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
            }
        };
    }

    /**
     * Trusts every certificate found in the PEM files of {@code directory} (the {@code caCertsDir}
     * of the {@code ssl:} endpoint string): files ending in {@code .pem}, {@code .crt} or {@code .cer}.
     *
     * @throws IllegalArgumentException if the directory holds no certificate
     */
    public static ITrustRoot trustRootFromDirectory(Path directory) throws IOException {
        List<Certificate> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{pem,crt,cer}")) {
            for (Path file : files) {
                found.addAll(Certificate.loadPEMFile(file));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + directory + " (looked for *.pem, *.crt, *.cer)");
        }
        return trustRootFromCertificates(found);
    }

    private static TrustManager[] trustManagers(@Nullable KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the trust store: " + e.getMessage(), e);
        }
    }
}
