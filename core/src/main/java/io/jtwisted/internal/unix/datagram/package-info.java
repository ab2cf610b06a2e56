/**
 * UNIX-domain datagram sockets of the reactor ({@code listenUNIXDatagram}, {@code
 * connectUNIXDatagram}), on junixsocket, the only package besides {@code afunix} that loads it.
 */
@NullMarked
package io.jtwisted.internal.unix.datagram;

import org.jspecify.annotations.NullMarked;
