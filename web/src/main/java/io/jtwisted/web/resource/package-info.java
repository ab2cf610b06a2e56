/**
 * Resources, the tree of objects that render requests, and the error pages, as Twisted's {@code twisted.web.resource}.
 */
@NullMarked
package io.jtwisted.web.resource;

import org.jspecify.annotations.NullMarked;
