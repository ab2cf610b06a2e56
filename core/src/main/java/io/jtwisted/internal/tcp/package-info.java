/**
 * TCP in the reactor: ports, connections, connectors and the adoption of inherited sockets.
 */
@NullMarked
package io.jtwisted.internal.tcp;

import org.jspecify.annotations.NullMarked;
