package io.jtwisted.internet.ssl;

/**
 * TLS protocol versions, as Twisted's {@code TLSVersion}; {@link CertificateOptions} accepts
 * {@link #TLSv1_2} and {@link #TLSv1_3} unless told otherwise.
 */
public enum TLSVersion {
    TLSv1_0("TLSv1"),
    TLSv1_1("TLSv1.1"),
    TLSv1_2("TLSv1.2"),
    TLSv1_3("TLSv1.3");

    private final String jdkName;

    TLSVersion(String jdkName) {
        this.jdkName = jdkName;
    }

    /** The name the JDK's {@code SSLEngine.setEnabledProtocols} uses. */
    public String jdkName() {
        return jdkName;
    }
}
