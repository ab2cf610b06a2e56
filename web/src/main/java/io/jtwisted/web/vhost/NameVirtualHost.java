package io.jtwisted.web.vhost;

import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.IResource;
import io.jtwisted.web.resource.NoResource;
import io.jtwisted.web.resource.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Name-based virtual hosting, as Twisted's {@code vhost.NameVirtualHost}: the {@code Host}
 * header (without its port, case-insensitive) picks the resource that serves the request; an
 * unknown host gets {@link #setDefault the default}, or 404 when there is none.
 */
public class NameVirtualHost extends Resource {
    private final Map<String, IResource> hosts = new HashMap<>();
    private @Nullable IResource defaultResource; // null: 404 for an unknown host

    public NameVirtualHost() {}

    /** Serves requests for {@code name} with {@code resource}. */
    public void addHost(String name, IResource resource) {
        hosts.put(name.toLowerCase(Locale.ROOT), resource);
    }

    /** Stops serving {@code name}. */
    public void removeHost(String name) {
        hosts.remove(name.toLowerCase(Locale.ROOT));
    }

    /** The resource for hosts not added ({@code null}: 404). */
    public void setDefault(IResource resource) {
        this.defaultResource = resource;
    }

    private IResource resourceFor(IRequest request) {
        String host = request.getHeader("host") == null
                ? null
                : request.getRequestHostname().toLowerCase(Locale.ROOT);
        IResource r = host == null ? null : hosts.get(host);
        if (r == null) {
            r = defaultResource;
        }
        return r != null ? r : new NoResource("host " + host + " not in vhost map");
    }

    @Override
    public byte[] render(IRequest request) {
        return resourceFor(request).render(request);
    }

    @Override
    public IResource getChild(String name, IRequest request) {
        IResource r = resourceFor(request);
        if (r.isLeaf()) {
            // The chosen resource takes the whole path: give it back the segment just used.
            List<String> prepath = request.prepath();
            request.postpath().add(0, prepath.remove(prepath.size() - 1));
            return r;
        }
        return r.getChildWithDefault(name, request);
    }
}
