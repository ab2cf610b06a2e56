/**
 * Name-based virtual hosting, as Twisted's {@code twisted.web.vhost}.
 */
@NullMarked
package io.jtwisted.web.vhost;

import org.jspecify.annotations.NullMarked;
