package io.jtwisted.protocols.basic;

import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.protocol.Protocol;

/**
 * The producer side shared by the receivers that can hold back what they have parsed, as
 * Twisted's {@code _PauseableMixin}: pausing stops delivery (even of messages already buffered)
 * and pauses the transport; resuming delivers what was buffered meanwhile.
 */
abstract class PauseableReceiver extends Protocol implements IPushProducer {
    boolean paused;

    /** True while delivery is paused. */
    public boolean paused() {
        return paused;
    }

    /** Stops delivering messages, even buffered ones, and pauses the transport if it is a producer. */
    @Override
    public void pauseProducing() {
        paused = true;
        if (transport instanceof IPushProducer producer) {
            producer.pauseProducing();
        }
    }

    /** Resumes the transport and delivers the messages buffered meanwhile. */
    @Override
    public void resumeProducing() {
        paused = false;
        if (transport instanceof IPushProducer producer) {
            producer.resumeProducing();
        }
        dataReceived(ReceiveBuffer.EMPTY);
    }

    /** Stops delivering messages for good and stops the transport if it is a producer. */
    @Override
    public void stopProducing() {
        paused = true;
        if (transport instanceof IProducer producer) {
            producer.stopProducing();
        }
    }
}
