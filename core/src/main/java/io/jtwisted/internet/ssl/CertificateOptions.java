package io.jtwisted.internet.ssl;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * TLS settings for servers and clients, as Twisted's {@code twisted.internet.ssl.CertificateOptions}:
 * the certificate (with key and chain) to present, the roots a peer's certificate must chain to,
 * whether a client certificate is required, the protocol versions, ciphers and ALPN protocols.
 *
 * <p>Defaults: TLS 1.2 and 1.3 only; forward-secret AEAD ciphers only (ECDHE with AES-GCM or
 * ChaCha20-Poly1305, and TLS 1.3's suites). As a server with a {@link Builder#trustRoot trust root},
 * clients must present a certificate that chains to it (unless {@link Builder#requireCertificate}
 * is false). As a client, <b>without a trust root no server certificate is checked</b> (as in
 * Twisted); use {@link SSL#optionsForClientTLS} for clients, which checks the chain and the host name.
 *
 * <p>Immutable and thread-safe; build one per configuration and share it between connections.
 */
public final class CertificateOptions implements IServerConnectionCreator, IClientConnectionCreator {
    /** The cipher suites allowed by default, in preference order (unsupported ones are skipped). */
    public static final List<String> MODERN_CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final @Nullable PrivateCertificate certificate;
    private final Map<String, PrivateCertificate> sniCertificates;
    private final @Nullable ITrustRoot trustRoot;
    private final boolean requireCertificate;
    private final List<String> acceptableProtocols;
    private final String[] protocols;
    private final String[] ciphers;
    private final SSLContext context;
    // Made once and only read afterwards (setSSLParameters copies out of them), so engines of
    // every thread share them: a server or plain client engine costs no parameter building.
    private final SSLParameters serverParameters;
    private final SSLParameters clientParameters;

    private CertificateOptions(Builder b) {
        this.certificate = b.certificate;
        this.sniCertificates = Map.copyOf(b.sniCertificates);
        this.trustRoot = b.trustRoot;
        this.requireCertificate = b.requireCertificate;
        this.acceptableProtocols = List.copyOf(b.acceptableProtocols);
        List<String> versions = new ArrayList<>();
        for (TLSVersion v : TLSVersion.values()) {
            if (v.compareTo(b.minimum) >= 0 && v.compareTo(b.maximum) <= 0) {
                versions.add(v.jdkName());
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no TLS version between " + b.minimum + " and " + b.maximum);
        }
        try {
            this.context = SSLContext.getInstance("TLS");
            KeyManager[] keys = {new CertificateKeyManager(certificate, sniCertificates)};
            TrustManager[] trust =
                    trustRoot != null ? trustRoot.trustManagers() : new TrustManager[] {AcceptAnyCertificate.INSTANCE};
            context.init(keys, trust, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the TLS context: " + e.getMessage(), e);
        }
        SSLParameters supported = context.getSupportedSSLParameters();
        Set<String> supportedProtocols = Set.of(supported.getProtocols());
        this.protocols = versions.stream().filter(supportedProtocols::contains).toArray(String[]::new);
        Set<String> supportedCiphers = Set.of(supported.getCipherSuites());
        this.ciphers = b.ciphers.stream().filter(supportedCiphers::contains).toArray(String[]::new);
        if (ciphers.length == 0) {
            throw new IllegalArgumentException("none of the acceptable ciphers is supported: " + b.ciphers);
        }
        this.serverParameters = baseParameters();
        if (trustRoot != null) {
            if (requireCertificate) {
                serverParameters.setNeedClientAuth(true);
            } else {
                serverParameters.setWantClientAuth(true);
            }
        }
        this.clientParameters = baseParameters();
    }

    /** A builder with the defaults described in the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    /** A server's options presenting {@code certificate}, with every other default. */
    public static CertificateOptions forCertificate(PrivateCertificate certificate) {
        return builder().certificate(certificate).build();
    }

    @Override
    public SSLEngine serverConnectionForTLS() {
        if (certificate == null && sniCertificates.isEmpty()) {
            throw new IllegalStateException("server TLS options need a certificate and private key");
        }
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(serverParameters);
        return engine;
    }

    /** A client engine that checks the server's chain only when a trust root was given, and never its name. */
    @Override
    public SSLEngine clientConnectionForTLS() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(true);
        engine.setSSLParameters(clientParameters);
        return engine;
    }

    /** A client engine for {@code hostname}: SNI (unless it is an IP literal) and, when asked, hostname verification. */
    SSLEngine clientEngineFor(String hostname, boolean verifyHostname) {
        SSLEngine engine = context.createSSLEngine(hostname, -1);
        engine.setUseClientMode(true);
        SSLParameters params = baseParameters();
        if (verifyHostname) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!CertificateBuilder.isIpLiteral(hostname)) {
            params.setServerNames(List.of(new javax.net.ssl.SNIHostName(hostname)));
        }
        engine.setSSLParameters(params);
        return engine;
    }

    /** The versions, ciphers (in our order) and ALPN protocols; what is left unset the engine keeps as it is. */
    private SSLParameters baseParameters() {
        SSLParameters params = new SSLParameters(ciphers, protocols);
        params.setUseCipherSuitesOrder(true);
        if (!acceptableProtocols.isEmpty()) {
            params.setApplicationProtocols(acceptableProtocols.toArray(String[]::new));
        }
        return params;
    }

    /** The certificate presented, or {@code null}. */
    public @Nullable PrivateCertificate certificate() {
        return certificate;
    }

    /** The trust root peers' certificates are checked against, or {@code null}. */
    public @Nullable ITrustRoot trustRoot() {
        return trustRoot;
    }

    /** The TLS versions enabled, by their JDK names. */
    public List<String> protocols() {
        return List.of(protocols);
    }

    /** The cipher suites enabled, by their JDK names, in preference order. */
    public List<String> ciphers() {
        return List.of(ciphers);
    }

    /** The ALPN protocols offered (client) or accepted (server), in preference order. */
    public List<String> acceptableProtocols() {
        return acceptableProtocols;
    }

    @Override
    public String toString() {
        return "CertificateOptions(certificate=" + (certificate == null ? "none" : certificate.getSubject())
                + ", protocols=" + Arrays.toString(protocols) + ", verify=" + (trustRoot != null) + ")";
    }

    /** Builds {@link CertificateOptions}; the setters use the names of Twisted's keyword arguments. */
    public static final class Builder {
        private @Nullable PrivateCertificate certificate;
        private final Map<String, PrivateCertificate> sniCertificates = new LinkedHashMap<>();
        private @Nullable ITrustRoot trustRoot;
        private boolean requireCertificate = true;
        private List<String> acceptableProtocols = List.of();
        private List<String> ciphers = MODERN_CIPHERS;
        private TLSVersion minimum = TLSVersion.TLSv1_2;
        private TLSVersion maximum = TLSVersion.TLSv1_3;

        private Builder() {}

        /** The certificate, key and chain to present (Twisted's {@code privateKey}, {@code certificate}, {@code extraCertChain}); null: none. */
        public Builder certificate(@Nullable PrivateCertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        /**
         * Presents {@code certificate} to clients that ask for {@code hostName} with SNI; others get
         * the default {@link #certificate}.
         */
        public Builder sniCertificate(String hostName, PrivateCertificate certificate) {
            sniCertificates.put(hostName.toLowerCase(Locale.ROOT), certificate);
            return this;
        }

        /** The roots the peer's certificate must chain to; on a server, this asks clients for a certificate; null: none. */
        public Builder trustRoot(@Nullable ITrustRoot trustRoot) {
            this.trustRoot = trustRoot;
            return this;
        }

        /** On a server with a trust root: refuse clients without a certificate (default true) or merely ask for one. */
        public Builder requireCertificate(boolean require) {
            this.requireCertificate = require;
            return this;
        }

        /** ALPN protocol names ({@code "h2"}, {@code "http/1.1"}) in preference order. */
        public Builder acceptableProtocols(List<String> protocols) {
            this.acceptableProtocols = List.copyOf(protocols);
            return this;
        }

        /** The cipher suites allowed, by JDK name, in preference order. */
        public Builder acceptableCiphers(List<String> ciphers) {
            this.ciphers = List.copyOf(ciphers);
            return this;
        }

        /** Refuses versions below {@code version} (which must not be below the current minimum). */
        public Builder raiseMinimumTo(TLSVersion version) {
            if (version.compareTo(minimum) > 0) {
                minimum = version;
            }
            return this;
        }

        /** Allows versions below TLS 1.2, down to {@code version}; the JDK may still refuse them by policy. */
        public Builder insecurelyLowerMinimumTo(TLSVersion version) {
            minimum = version;
            return this;
        }

        /** Refuses versions above {@code version}. */
        public Builder lowerMaximumSecurityTo(TLSVersion version) {
            maximum = version;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException if no version or cipher remains
         */
        public CertificateOptions build() {
            return new CertificateOptions(this);
        }
    }
}
