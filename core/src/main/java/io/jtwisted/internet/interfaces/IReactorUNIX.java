package io.jtwisted.internet.interfaces;

/** UNIX-domain stream sockets, as Twisted's {@code IReactorUNIX}. Call these on the reactor thread. */
public interface IReactorUNIX extends IReactor {
    /** Twisted's default permissions of a listening socket file. */
    int DEFAULT_MODE = 0666;

    /**
     * Listens on the socket file {@code address}. Each accepted connection gets a protocol from
     * {@code factory}; the file gets the permissions {@code mode} and is removed when the port
     * stops. With {@code wantPID}, a lock file {@code address + ".lock"} holds this process's PID:
     * listening fails while a live process holds it, and a stale socket file left by a dead one is
     * removed first, as Twisted's lock-file semantics.
     *
     * @throws io.jtwisted.internet.error.CannotListenError if the socket cannot be bound or the lock is held
     */
    IListeningPort listenUNIX(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID);

    /** {@link #listenUNIX(String, IProtocolFactory, int, int, boolean)} with backlog 50, mode 0666, no lock file. */
    default IListeningPort listenUNIX(String address, IProtocolFactory factory) {
        return listenUNIX(address, factory, IReactorTCP.DEFAULT_BACKLOG, DEFAULT_MODE, false);
    }

    /**
     * Connects to the socket file {@code address}; the factory hears the attempt as with {@code
     * connectTCP}. With {@code checkPID}, the attempt fails with {@code BadFileError} unless a live
     * process holds the server's lock file.
     */
    IConnector connectUNIX(String address, IClientFactory factory, double timeout, boolean checkPID);

    /** {@link #connectUNIX(String, IClientFactory, double, boolean)} with a 30 s timeout, no PID check. */
    default IConnector connectUNIX(String address, IClientFactory factory) {
        return connectUNIX(address, factory, IReactorTCP.DEFAULT_TIMEOUT, false);
    }
}
