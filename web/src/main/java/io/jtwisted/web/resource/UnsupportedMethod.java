package io.jtwisted.web.resource;

import java.util.List;

/**
 * Thrown by {@link Resource#render} for a method the resource has no render method for; the
 * site answers 405 with an {@code Allow} header listing {@link #allowedMethods()}.
 */
public final class UnsupportedMethod extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> allowedMethods;

    public UnsupportedMethod(List<String> allowedMethods) {
        super("allowed: " + allowedMethods);
        this.allowedMethods = List.copyOf(allowedMethods);
    }

    /** The methods the resource does answer. */
    public List<String> allowedMethods() {
        return allowedMethods;
    }
}
