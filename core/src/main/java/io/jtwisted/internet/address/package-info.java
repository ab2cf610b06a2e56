/**
 * Addresses of TCP, UDP and UNIX endpoints, as Twisted's {@code twisted.internet.address}.
 */
@NullMarked
package io.jtwisted.internet.address;

import org.jspecify.annotations.NullMarked;
