package io.jtwisted.application.service;

import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * The base class of services, as Twisted's {@code Service}: it keeps the name, the parent and the running
 * flag. Subclasses override {@link #startService()} and {@link #stopService()} and call the base method to
 * keep {@link #running()} right.
 *
 * <pre>{@code
 * class EchoService extends Service {
 *     private final int portNum;
 *     private IListeningPort port;
 *
 *     EchoService(int portNum) { this.portNum = portNum; }
 *
 *     public void startService() { super.startService(); port = reactor.listenTCP(portNum, new EchoFactory()); }
 *
 *     public Deferred<?> stopService() { super.stopService(); return port.stopListening(); }
 * }
 * }</pre>
 */
public class Service implements IService {
    private @Nullable String name;
    private @Nullable IServiceCollection parent;
    private boolean running;

    @Override
    public @Nullable String name() {
        return name;
    }

    @Override
    public void setName(String name) {
        if (parent != null) {
            throw new IllegalStateException("cannot change name when parent exists");
        }
        this.name = name;
    }

    @Override
    public @Nullable IServiceCollection parent() {
        return parent;
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public void setServiceParent(IServiceCollection parent) {
        if (this.parent != null) {
            disownServiceParent();
        }
        this.parent = parent;
        try {
            parent.addService(this);
        } catch (RuntimeException refused) {
            this.parent = null;
            throw refused;
        }
    }

    @Override
    public @Nullable Deferred<?> disownServiceParent() {
        IServiceCollection was = parent;
        if (was == null) {
            return null;
        }
        Deferred<?> stopped = was.removeService(this);
        parent = null;
        return stopped;
    }

    @Override
    public void privilegedStartService() {}

    @Override
    public void startService() {
        running = true;
    }

    @Override
    public @Nullable Deferred<?> stopService() {
        running = false;
        return null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (name == null ? "" : "[" + name + "]");
    }
}
