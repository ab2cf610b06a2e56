/**
 * UDP ports of the reactor: {@code listenUDP} and {@code listenMulticast}.
 */
@NullMarked
package io.jtwisted.internal.udp;

import org.jspecify.annotations.NullMarked;
