package io.jtwisted.web.resource;

import io.jtwisted.web.iweb.IRequest;

/**
 * A web resource, as Twisted's {@code resource.IResource}: a node of the tree a site serves.
 * The site walks the request's path through {@link #getChildWithDefault} until it reaches a
 * {@linkplain #isLeaf() leaf} or runs out of segments, then calls {@link #render}.
 */
public interface IResource {
    /** True when this resource handles every path below it itself (traversal stops here). */
    boolean isLeaf();

    /** The child for path segment {@code name} (decoded, never containing '/'), or a resource answering 404. */
    IResource getChildWithDefault(String name, IRequest request);

    /** Makes {@code child} the child named {@code name}. */
    void putChild(String name, IResource child);

    /**
     * Answers {@code request}: returns the whole body, or {@link Resource#NOT_DONE_YET} when the
     * resource will write and finish the request itself later.
     */
    byte[] render(IRequest request);
}
