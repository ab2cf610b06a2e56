package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;

/**
 * Passes every event to the protocol it wraps and fires the connect Deferred with that protocol
 * once it is connected, as Twisted's {@code _WrappingProtocol}.
 */
final class WrappingProtocol extends Protocol implements IHalfCloseableProtocol {
    private final Deferred<IProtocol> connectedDeferred;
    private final IProtocol wrapped;

    WrappingProtocol(Deferred<IProtocol> connectedDeferred, IProtocol wrapped) {
        this.connectedDeferred = connectedDeferred;
        this.wrapped = wrapped;
    }

    IProtocol wrapped() {
        return wrapped;
    }

    @Override
    public void connectionMade() {
        wrapped.makeConnection(transport);
        if (!connectedDeferred.called()) {
            connectedDeferred.callback(wrapped);
        }
    }

    @Override
    public void dataReceived(byte[] data) {
        wrapped.dataReceived(data);
    }

    @Override
    public void connectionLost(Failure reason) {
        super.connectionLost(reason);
        wrapped.connectionLost(reason);
    }

    @Override
    public void readConnectionLost() {
        if (wrapped instanceof IHalfCloseableProtocol half) {
            half.readConnectionLost();
        } else {
            transport.loseConnection();
        }
    }

    @Override
    public void writeConnectionLost() {
        if (wrapped instanceof IHalfCloseableProtocol half) {
            half.writeConnectionLost();
        }
    }
}
