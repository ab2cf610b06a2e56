package io.jtwisted.internet.interfaces;

import java.net.ProtocolFamily;

/**
 * Taking over sockets made outside the reactor (handed over by systemd, inetd, a parent process),
 * as Twisted's {@code IReactorSocket}.
 *
 * <p>Unlike Twisted's, these methods take ownership of the descriptor instead of duplicating it:
 * Java has no {@code os.close(fd)} for the caller to close its copy with, so the adopted port or
 * connection closes the descriptor itself when it is done. The descriptor must not be used
 * otherwise afterwards.
 *
 * <p>The JDK opens only descriptor 0 ({@link System#inheritedChannel()}) as a channel; any other
 * descriptor is opened through the JDK's own socket channel constructors, which needs the JVM
 * option {@code --add-opens java.base/sun.nio.ch=io.jtwisted.core} ({@code =ALL-UNNAMED} when
 * JTwisted is on the class path); {@code bin/twistd} passes it. Without it these methods throw an
 * {@link UnsupportedOperationException} saying so.
 */
public interface IReactorSocket {
    /**
     * Listens on an inherited socket that is already bound and listening, as Twisted's
     * {@code adoptStreamPort}: connections it accepts get protocols from {@code factory}, as with
     * {@code listenTCP}. The socket is made non-blocking.
     *
     * @param fileDescriptor the descriptor of a listening {@code SOCK_STREAM} socket
     * @param addressFamily {@link java.net.StandardProtocolFamily#INET} or {@code INET6}
     * @throws io.jtwisted.internet.error.UnsupportedAddressFamily for a family this reactor cannot adopt
     * @throws io.jtwisted.internet.error.CannotListenError if the descriptor is not a listening socket
     */
    IListeningPort adoptStreamPort(int fileDescriptor, ProtocolFamily addressFamily, IProtocolFactory factory);

    /**
     * Runs a protocol from {@code factory} on an inherited connected socket, as Twisted's
     * {@code adoptStreamConnection}. As in Twisted, the factory is not started or stopped.
     *
     * @param fileDescriptor the descriptor of a connected {@code SOCK_STREAM} socket
     * @param addressFamily {@link java.net.StandardProtocolFamily#INET} or {@code INET6}
     * @throws io.jtwisted.internet.error.UnsupportedAddressFamily for a family this reactor cannot adopt
     * @throws java.io.UncheckedIOException if the descriptor is not a connected socket
     */
    void adoptStreamConnection(int fileDescriptor, ProtocolFamily addressFamily, IProtocolFactory factory);
}
