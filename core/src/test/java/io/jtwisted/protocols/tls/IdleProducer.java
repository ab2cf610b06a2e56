package io.jtwisted.protocols.tls;

import io.jtwisted.internet.interfaces.IPushProducer;

/** A push producer that does nothing when told: for tests that only need one registered. */
class IdleProducer implements IPushProducer {
    @Override
    public void pauseProducing() {}

    @Override
    public void resumeProducing() {}

    @Override
    public void stopProducing() {}
}
