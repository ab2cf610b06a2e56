/**
 * The interfaces of a request and a session, as Twisted's {@code twisted.web.iweb}.
 */
@NullMarked
package io.jtwisted.web.iweb;

import org.jspecify.annotations.NullMarked;
