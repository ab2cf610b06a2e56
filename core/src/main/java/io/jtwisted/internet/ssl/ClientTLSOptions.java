package io.jtwisted.internet.ssl;

import javax.net.ssl.SSLEngine;

/**
 * Client TLS settings for one host, as Twisted's {@code ClientTLSOptions} (made by
 * {@link SSL#optionsForClientTLS}): sends the host name with SNI (unless it is an IP address), and
 * during the handshake checks that the server's certificate chains to the trust root and names
 * that host (a DNS name or IP address in its subjectAltName). A failed check fails the
 * handshake; the protocol's {@code connectionLost} hears why.
 */
public final class ClientTLSOptions implements IClientConnectionCreator {
    private final String hostname;
    private final CertificateOptions options;
    private final boolean verifyHostname;

    ClientTLSOptions(String hostname, CertificateOptions options, boolean verifyHostname) {
        this.hostname = hostname;
        this.options = options;
        this.verifyHostname = verifyHostname;
    }

    @Override
    public SSLEngine clientConnectionForTLS() {
        return options.clientEngineFor(hostname, verifyHostname);
    }

    /**
     * The same options <b>without the host name check</b>: any certificate that chains to the trust
     * root is accepted, whatever host it names, so anyone holding such a certificate can
     * impersonate the server. For tests and for peers identified some other way (pinning) only.
     */
    public ClientTLSOptions insecurelyDisableHostnameVerification() {
        return new ClientTLSOptions(hostname, options, false);
    }

    /** The host name sent with SNI and checked against the certificate. */
    public String hostname() {
        return hostname;
    }

    /** Whether the certificate must name {@link #hostname()} (true unless disabled). */
    public boolean verifiesHostname() {
        return verifyHostname;
    }

    /** The underlying options (trust root, client certificate, versions, ciphers, ALPN). */
    public CertificateOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "ClientTLSOptions(hostname='" + hostname + "', verifyHostname=" + verifyHostname + ")";
    }
}
