package io.jtwisted.internet.interfaces;

/** A TCP connection: an {@link ITransport} with half-close and socket options. */
public interface ITCPTransport extends ITransport, IConsumer, IPushProducer {
    /** Closes the writing half once buffered data is sent; reading goes on. */
    void loseWriteConnection();

    boolean getTcpNoDelay();

    void setTcpNoDelay(boolean enabled);

    boolean getTcpKeepAlive();

    void setTcpKeepAlive(boolean enabled);
}
