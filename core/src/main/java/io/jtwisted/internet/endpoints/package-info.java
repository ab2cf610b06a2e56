/**
 * Endpoints, as Twisted's {@code twisted.internet.endpoints}: client and server endpoints for TCP,
 * TLS, UNIX and the other transports, and the endpoint-string parsers.
 */
@NullMarked
package io.jtwisted.internet.endpoints;

import org.jspecify.annotations.NullMarked;
