package io.jtwisted.internet.ssl;

import javax.net.ssl.TrustManager;

/**
 * The certificate authorities a peer's certificate must chain to, as Twisted's
 * {@code IOpenSSLTrustRoot}. Made by {@link SSL#platformTrust()} or
 * {@link SSL#trustRootFromCertificates}.
 */
public interface ITrustRoot {
    /** Trust managers that accept exactly the chains this root trusts (PKIX path validation). */
    TrustManager[] trustManagers();
}
