package io.jtwisted.internet.group;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * What each reactor's port of one group listen uses when the factory is shared: protocols come from the
 * shared factory, and its {@code stopFactory} runs once, when the last of these ports stops. Its
 * {@code startFactory} was run by the group before any port listened, so that it happens before every
 * {@code buildProtocol} of every reactor.
 */
final class SharedFactoryView implements IProtocolFactory {
    private static final Logger log = Logger.forClass(SharedFactoryView.class);

    private final IProtocolFactory shared;
    private final AtomicInteger live; // ports of this listen that started and did not stop yet

    SharedFactoryView(IProtocolFactory shared, AtomicInteger live) {
        this.shared = shared;
        this.live = live;
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        return shared.buildProtocol(address);
    }

    @Override
    public void doStart() {
        live.incrementAndGet();
    }

    /**
     * The last port to stop stops the shared factory, on its own reactor's thread; what
     * {@code stopFactory} raises fails that port's {@code stopListening}, as with one reactor.
     */
    @Override
    public void doStop() {
        if (live.decrementAndGet() == 0) {
            shared.doStop();
        }
    }

    /** Stops {@code factory}, logging what it raises (a port that fails to stop must not hide the others). */
    static void stopShared(IProtocolFactory factory) {
        try {
            factory.doStop();
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Unhandled error stopping shared factory {}", e, factory);
        }
    }

    @Override
    public String toString() {
        return shared.toString();
    }
}
