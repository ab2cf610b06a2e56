/**
 * Inherited socket descriptors turned into JDK channels, for the reactor's socket adoption.
 */
@NullMarked
package io.jtwisted.internal.fd;

import org.jspecify.annotations.NullMarked;
