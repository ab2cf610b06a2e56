package io.jtwisted.internet.interfaces;

/** A producer that writes whenever it likes until told to pause. */
public interface IPushProducer extends IProducer {
    /** The consumer's buffer is full: stop writing until {@link #resumeProducing()}. */
    void pauseProducing();

    /** The consumer can take data again. */
    void resumeProducing();
}
