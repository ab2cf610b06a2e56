/**
 * UNIX-domain datagram sockets of the reactor, on junixsocket: {@code listenUNIXDatagram} and {@code connectUNIXDatagram}.
 */
@NullMarked
package io.jtwisted.internal.unix.datagram;

import org.jspecify.annotations.NullMarked;
