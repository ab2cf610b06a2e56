/**
 * The site that serves a resource tree over HTTP, its request and its sessions, as Twisted's {@code twisted.web.server}.
 */
@NullMarked
package io.jtwisted.web.server;

import org.jspecify.annotations.NullMarked;
