/**
 * Services that run a server or a client, as Twisted's {@code twisted.application.internet}:
 * {@code StreamServerEndpointService}, {@code ClientService} and the per-transport services.
 */
@NullMarked
package io.jtwisted.application.internet;

import org.jspecify.annotations.NullMarked;
