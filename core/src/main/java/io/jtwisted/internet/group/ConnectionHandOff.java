package io.jtwisted.internet.group;

import io.jtwisted.internet.interfaces.IProtocolFactory;
import java.nio.channels.SocketChannel;

/**
 * A factory that a listening port gives each accepted connection to, instead of building its protocol
 * itself: the factory of a {@link ReactorGroup}'s acceptor ({@link Spread#HAND_OFF}), which places the
 * connection on another reactor. The port calls {@link #handOff} on its own reactor's thread, and still
 * calls {@code doStart} and {@code doStop} as it does for any factory.
 */
public interface ConnectionHandOff extends IProtocolFactory {
    /**
     * Takes over {@code accepted}, a connection the port has just accepted (still blocking, registered with
     * no reactor): from now on it is this object's to run or to close.
     */
    void handOff(SocketChannel accepted);
}
