package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;

/**
 * Logs every byte received and sent by its protocols ({@code Received: b'...'},
 * {@code Sending: b'...'}), as Twisted's {@code twisted.protocols.policies.SpewingFactory}; for
 * debugging.
 */
public class SpewingFactory extends WrappingFactory {
    public SpewingFactory(IProtocolFactory wrappedFactory) {
        super(wrappedFactory);
    }

    @Override
    protected IProtocol wrapProtocol(IProtocol wrapped) {
        return new SpewingProtocol(this, wrapped);
    }
}
