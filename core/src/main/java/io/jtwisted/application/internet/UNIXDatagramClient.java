package io.jtwisted.application.internet;

import io.jtwisted.application.service.Service;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IConnectedDatagramProtocol;
import io.jtwisted.internet.interfaces.IReactorUNIXDatagram;
import io.jtwisted.internet.interfaces.IUNIXDatagramConnectedTransport;
import org.jspecify.annotations.Nullable;

/**
 * A UNIX datagram socket connected to one peer while it runs, as Twisted's {@code
 * internet.UNIXDatagramClient}: calls {@link IReactorUNIXDatagram#connectUNIXDatagram} with its
 * arguments when it starts (a failure reaches the protocol's {@code connectionFailed}), and
 * closes the socket when it stops. Needs junixsocket on the class path.
 *
 * <pre>{@code
 * new UNIXDatagramClient("/run/app/log.sock", new LogShipper(), "/run/app/shipper.sock").setServiceParent(application);
 * }</pre>
 */
public class UNIXDatagramClient extends Service {
    private final String address;
    private final IConnectedDatagramProtocol protocol;
    private final int maxPacketSize;
    private final int mode;
    private final @Nullable String bindAddress;
    private @Nullable IReactorUNIXDatagram reactor; // null: the global reactor
    private @Nullable IUNIXDatagramConnectedTransport port;

    /** Connects to {@code address} from the socket bound to {@code bindAddress} ({@code null}: unbound, so it cannot be answered). */
    public UNIXDatagramClient(String address, IConnectedDatagramProtocol protocol, @Nullable String bindAddress) {
        this(
                address,
                protocol,
                IReactorUNIXDatagram.DEFAULT_MAX_PACKET_SIZE,
                IReactorUNIXDatagram.DEFAULT_MODE,
                bindAddress);
    }

    /** Connects as {@link IReactorUNIXDatagram#connectUNIXDatagram(String, IConnectedDatagramProtocol, int, int, String)} does. */
    public UNIXDatagramClient(
            String address,
            IConnectedDatagramProtocol protocol,
            int maxPacketSize,
            int mode,
            @Nullable String bindAddress) {
        this.address = address;
        this.protocol = protocol;
        this.maxPacketSize = maxPacketSize;
        this.mode = mode;
        this.bindAddress = bindAddress;
    }

    /** Makes the service connect through {@code reactor} instead of the global one; returns this service. */
    public UNIXDatagramClient setReactor(IReactorUNIXDatagram reactor) {
        this.reactor = reactor;
        return this;
    }

    /** The socket while the service runs, else {@code null}. */
    public @Nullable IUNIXDatagramConnectedTransport port() {
        return port;
    }

    @Override
    public void startService() {
        super.startService();
        port = (reactor != null ? reactor : Reactor.reactor)
                .connectUNIXDatagram(address, protocol, maxPacketSize, mode, bindAddress);
    }

    /** Closes the socket; the Deferred fires once it is closed. */
    @Override
    public @Nullable Deferred<?> stopService() {
        super.stopService();
        IUNIXDatagramConnectedTransport connected = port;
        if (connected == null) {
            return null;
        }
        port = null;
        return connected.stopListening();
    }
}
