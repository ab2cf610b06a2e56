package io.jtwisted.internet.interfaces;

/** Something that produces data for an {@link IConsumer}. */
public interface IProducer {
    /** Stops producing for good; called when the consumer goes away. */
    void stopProducing();
}
