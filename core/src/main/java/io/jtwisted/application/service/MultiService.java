package io.jtwisted.application.service;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.defer.DeferredList;
import io.jtwisted.logger.Logger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A service made of services, as Twisted's {@code MultiService}: children start in the order they were
 * added and stop in reverse, and {@link #stopService()} fires once every child's stop has (no child waits
 * for another). A child added while the collection runs starts at once; one removed while it runs stops.
 */
public class MultiService extends Service implements IServiceCollection {
    private static final Logger log = Logger.forClass(MultiService.class);

    private final List<IService> services = new ArrayList<>();
    private final Map<String, IService> namedServices = new HashMap<>();

    @Override
    public void privilegedStartService() {
        super.privilegedStartService();
        for (IService service : List.copyOf(services)) {
            service.privilegedStartService();
        }
    }

    @Override
    public void startService() {
        super.startService();
        for (IService service : List.copyOf(services)) {
            service.startService();
        }
    }

    /**
     * Stops the children, last added first.
     *
     * @return a Deferred firing (as a {@link DeferredList}) once every child has stopped; a child whose stop
     *     fails is logged with its failure and does not keep the others from stopping
     */
    @Override
    public Deferred<?> stopService() {
        super.stopService();
        List<IService> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        List<Deferred<@Nullable Object>> stops = new ArrayList<>();
        for (IService service : reversed) {
            Deferred<@Nullable Object> stopped = Deferred.maybeDeferredDeferring(() -> {
                @SuppressWarnings("unchecked")
                Deferred<@Nullable Object> result = (Deferred<@Nullable Object>) service.stopService();
                return result != null ? result : Deferred.succeed(null);
            });
            stops.add(stopped.addErrback(failure -> {
                log.failure("Stopping {service} failed", failure, service);
                return null;
            }));
        }
        return new DeferredList<>(stops);
    }

    @Override
    public IService getServiceNamed(String name) {
        IService service = namedServices.get(name);
        if (service == null) {
            throw new NoSuchElementException("no service named '" + name + "' in " + this);
        }
        return service;
    }

    @Override
    public Iterator<IService> iterator() {
        return Collections.unmodifiableList(services).iterator();
    }

    @Override
    public void addService(IService service) {
        String name = service.name();
        if (name != null) {
            if (namedServices.containsKey(name)) {
                throw new IllegalStateException("cannot have two services with same name '" + name + "'");
            }
            namedServices.put(name, service);
        }
        services.add(service);
        if (running()) {
            // Late, but the service gets both steps, as Twisted does.
            service.privilegedStartService();
            service.startService();
        }
    }

    @Override
    public @Nullable Deferred<?> removeService(IService service) {
        if (!services.remove(service)) {
            throw new IllegalArgumentException(service + " is not a child of " + this);
        }
        if (service.name() != null) {
            namedServices.remove(service.name());
        }
        return running() ? service.stopService() : null;
    }
}
