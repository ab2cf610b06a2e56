package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.logger.Logger;

/** The wrapper of {@link SpewingFactory}: logs data in both directions, as Python byte literals. */
public class SpewingProtocol extends ProtocolWrapper {
    private static final Logger LOG = Logger.forClass(SpewingProtocol.class);

    public SpewingProtocol(Registry registry, IProtocol wrappedProtocol) {
        super(registry, wrappedProtocol);
    }

    @Override
    public void dataReceived(byte[] data) {
        LOG.info("Received: {}", PythonRepr.bytes(data));
        super.dataReceived(data);
    }

    @Override
    public void write(byte[] data) {
        LOG.info("Sending: {}", PythonRepr.bytes(data));
        super.write(data);
    }
}
