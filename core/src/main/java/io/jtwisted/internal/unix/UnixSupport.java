package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The UNIX-domain stream side of one reactor: {@code listenUNIX} and {@code connectUNIX}. */
public final class UnixSupport {
    /** Why an abstract-namespace address cannot have a lock file ({@code wantPID}, {@code checkPID}). */
    static final String NO_ABSTRACT_LOCK = "an abstract-namespace address (\\0name) has no file, so no lock file"
            + " beside it: wantPID and checkPID need a path";
    /** Why a stream socket cannot take a {@code "\0name"} address on this class path. */
    static final String NO_JUNIXSOCKET = "abstract-namespace UNIX stream addresses (\\0name) need junixsocket on the"
            + " class path (com.kohlschutter.junixsocket:junixsocket-core): the JDK's channels cannot name them";

    private final EventLoop reactor;
    private final PathChannels paths;
    private final Supplier<UnixStreamChannels> abstractNamesMaker;
    private @Nullable UnixStreamChannels abstractNames; // needs junixsocket, which may be absent: made on first use

    /**
     * @param abstractNames makes the channels of abstract-namespace names (junixsocket's), on first
     *     use: it throws a {@link LinkageError} where junixsocket is missing
     */
    public UnixSupport(EventLoop reactor, Supplier<UnixStreamChannels> abstractNames) {
        this.reactor = reactor;
        this.paths = new PathChannels(reactor);
        this.abstractNamesMaker = abstractNames;
    }

    /** {@code IReactorUNIX.listenUNIX}. */
    public IListeningPort listenUNIX(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        UnixStreamChannels channels;
        try {
            channels = channelsFor(address);
        } catch (UnsupportedOperationException e) {
            throw new CannotListenError(shown(address), 0, e);
        }
        UnixPort port = new UnixPort(reactor, channels, address, factory, backlog, mode, wantPID);
        port.startListening();
        return port;
    }

    /** Whether {@code address} names a socket in Linux's abstract namespace ({@code "\0name"}). */
    static boolean isAbstract(String address) {
        return address.startsWith("\0");
    }

    /** {@code address} as logs and errors show it: an abstract name's NUL written {@code \0}. */
    static String shown(String address) {
        return address.replace("\0", "\\0");
    }

    /**
     * The channels for {@code address}: the JDK's for a path, junixsocket's for an abstract name.
     *
     * @throws UnsupportedOperationException for an abstract name without junixsocket
     */
    UnixStreamChannels channelsFor(String address) {
        if (!isAbstract(address)) {
            return paths;
        }
        if (abstractNames == null) {
            try {
                abstractNames = abstractNamesMaker.get();
            } catch (LinkageError missing) {
                throw new UnsupportedOperationException(NO_JUNIXSOCKET, missing);
            }
        }
        return abstractNames;
    }

    /** {@code IReactorUNIX.connectUNIX}. */
    public IConnector connectUNIX(String address, IClientFactory factory, double timeout, boolean checkPID) {
        UnixConnector connector = new UnixConnector(reactor, this, address, factory, timeout, checkPID);
        connector.connect();
        return connector;
    }
}
