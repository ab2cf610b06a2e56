package io.jtwisted.web.resource;

import io.jtwisted.web.iweb.IRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base resource, as Twisted's {@code resource.Resource}: children by name, and {@link
 * #render} dispatching on the request's method to {@code renderGET}, {@code renderPOST} … (Twisted's
 * {@code render_GET} …). Override the ones you answer; {@code renderHEAD} defaults to {@code
 * renderGET}. A method with no override gets 405 and an {@code Allow} header naming those you
 * have. Methods other than these seven: override {@link #render} itself.
 *
 * <pre>{@code
 * class Hello extends Resource {
 *     public boolean isLeaf() { return true; }
 *     protected byte[] renderGET(IRequest request) { return "<html>Hello, world!</html>".getBytes(UTF_8); }
 * }
 * }</pre>
 */
public class Resource implements IResource {
    /**
     * What {@link #render} returns when the resource will {@code write} and {@code finish} the
     * request itself later (Twisted's {@code server.NOT_DONE_YET}). Compared by identity.
     */
    public static final byte[] NOT_DONE_YET = new byte[0];

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
    private static final ClassValue<List<String>> ALLOWED = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            List<String> allowed = new ArrayList<>();
            for (String m : METHODS) {
                if (overrides(type, m) || (m.equals("HEAD") && overrides(type, "GET"))) {
                    allowed.add(m);
                }
            }
            return List.copyOf(allowed);
        }
    };

    private final Map<String, IResource> children = new HashMap<>();

    /** A resource with no children. */
    public Resource() {}

    /** False: traversal goes on into children. Override to make a leaf. */
    @Override
    public boolean isLeaf() {
        return false;
    }

    /** The child {@code name} if there is one, else {@link #getChild}. */
    @Override
    public IResource getChildWithDefault(String name, IRequest request) {
        IResource child = children.get(name);
        return child != null ? child : getChild(name, request);
    }

    /** Called for a name with no child put under it; answers 404 by default. Override to make children on demand. */
    public IResource getChild(String name, IRequest request) {
        return new NoResource("No such child resource.");
    }

    /**
     * Makes {@code child} the child named {@code name} ("" is the child for a trailing slash).
     *
     * @throws IllegalArgumentException if {@code name} contains '/'
     */
    @Override
    public void putChild(String name, IResource child) {
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a child's name is one path segment, without '/': " + name);
        }
        children.put(name, Objects.requireNonNull(child, "child"));
    }

    /** The children put so far, by name (a copy). */
    public Map<String, IResource> listStaticEntities() {
        return Map.copyOf(children);
    }

    /** Walks {@code request}'s postpath from {@code resource}, moving each segment used to prepath. */
    public static IResource getChildForRequest(IResource resource, IRequest request) {
        List<String> postpath = request.postpath();
        while (!postpath.isEmpty() && !resource.isLeaf()) {
            String segment = postpath.remove(0);
            request.prepath().add(segment);
            resource = resource.getChildWithDefault(segment, request);
        }
        return resource;
    }

    /**
     * Dispatches on the method.
     *
     * @throws UnsupportedMethod when this class has no render method for it
     */
    @Override
    public byte[] render(IRequest request) {
        String m = request.method();
        Class<?> type = getClass();
        switch (m) {
            case "GET":
                if (overrides(type, "GET")) {
                    return renderGET(request);
                }
                break;
            case "HEAD":
                if (overrides(type, "HEAD")) {
                    return renderHEAD(request);
                }
                if (overrides(type, "GET")) {
                    return renderGET(request);
                }
                break;
            case "POST":
                if (overrides(type, "POST")) {
                    return renderPOST(request);
                }
                break;
            case "PUT":
                if (overrides(type, "PUT")) {
                    return renderPUT(request);
                }
                break;
            case "DELETE":
                if (overrides(type, "DELETE")) {
                    return renderDELETE(request);
                }
                break;
            case "OPTIONS":
                if (overrides(type, "OPTIONS")) {
                    return renderOPTIONS(request);
                }
                break;
            case "PATCH":
                if (overrides(type, "PATCH")) {
                    return renderPATCH(request);
                }
                break;
            default:
                break;
        }
        throw new UnsupportedMethod(allowedMethods());
    }

    /** The methods this resource's class has render methods for (HEAD whenever GET). */
    public List<String> allowedMethods() {
        return ALLOWED.get(getClass());
    }

    protected byte[] renderGET(IRequest request) {
        throw new UnsupportedMethod(allowedMethods());
    }

    protected byte[] renderHEAD(IRequest request) {
        throw new UnsupportedMethod(allowedMethods());
    }

    protected byte[] renderPOST(IRequest request) {
        throw new UnsupportedMethod(allowedMethods());
    }

    protected byte[] renderPUT(IRequest request) {
        throw new UnsupportedMethod(allowedMethods());
    }

    protected byte[] renderDELETE(IRequest request) {
        throw new UnsupportedMethod(allowedMethods());
    }

    protected byte[] renderOPTIONS(IRequest request) {
        throw new UnsupportedMethod(allowedMethods());
    }

    protected byte[] renderPATCH(IRequest request) {
        throw new UnsupportedMethod(allowedMethods());
    }

    private static final ClassValue<Map<String, Boolean>> OVERRIDES = new ClassValue<>() {
        @Override
        protected Map<String, Boolean> computeValue(Class<?> type) {
            Map<String, Boolean> result = new HashMap<>();
            for (String m : METHODS) {
                result.put(m, declaredBelowResource(type, "render" + m));
            }
            return result;
        }
    };

    private static boolean overrides(Class<?> type, String method) {
        return Boolean.TRUE.equals(OVERRIDES.get(type).get(method)); // every method of METHODS is there
    }

    private static boolean declaredBelowResource(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Resource.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name)
                        && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == IRequest.class) {
                    return true;
                }
            }
        }
        return false;
    }
}
