package io.jtwisted.internet.interfaces;

/** A producer that writes one chunk each time it is asked. */
public interface IPullProducer extends IProducer {
    /** Writes one chunk to the consumer now. */
    void resumeProducing();
}
