package io.jtwisted.internet.ssl;

/**
 * Either kind of TLS settings: an {@link IServerConnectionCreator}, an
 * {@link IClientConnectionCreator} or both ({@link CertificateOptions}). What
 * {@code startTLS} and {@code TLSMemoryBIOFactory} take, Twisted's "contextFactory".
 */
public interface IConnectionCreator {}
