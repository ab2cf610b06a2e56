package io.jtwisted.internet.interfaces;

/** A protocol that can go on after one direction of its TCP connection is closed. */
public interface IHalfCloseableProtocol {
    /** The peer closed its writing half: no more data will arrive. */
    void readConnectionLost();

    /** Our writing half is closed ({@link ITCPTransport#loseWriteConnection()} completed). */
    void writeConnectionLost();
}
