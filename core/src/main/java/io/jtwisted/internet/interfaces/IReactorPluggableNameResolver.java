package io.jtwisted.internet.interfaces;

/**
 * A reactor whose name resolution can be replaced, as Twisted's
 * {@code IReactorPluggableNameResolver}: by default names are looked up with the system's resolver
 * on the reactor's thread pool ({@link io.jtwisted.internet.base.ThreadedResolver}); installing
 * another (the DNS client of {@code io.jtwisted.names}) makes {@code connectTCP} and
 * {@code HostnameEndpoint} resolve through it, without a blocking lookup.
 */
public interface IReactorPluggableNameResolver extends IReactor {
    /** The resolver {@code connectTCP} and {@code HostnameEndpoint} use now. */
    IHostnameResolver nameResolver();

    /**
     * Makes {@code resolver} the one used from now on (connections already resolving keep theirs).
     *
     * @return the resolver it replaces
     */
    IHostnameResolver installNameResolver(IHostnameResolver resolver);
}
