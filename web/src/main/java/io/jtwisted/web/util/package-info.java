/**
 * Small resources of general use, such as redirects, as Twisted's {@code twisted.web.util}.
 */
@NullMarked
package io.jtwisted.web.util;

import org.jspecify.annotations.NullMarked;
