/**
 * junixsocket's AF_UNIX channels joined to the reactor: the thread that waits on them ({@link
 * io.jtwisted.internal.unix.afunix.ForeignPoller}), the key that hands their readiness to the
 * reactor thread ({@link io.jtwisted.internal.unix.afunix.ForeignKey}), and the UNIX stream
 * sockets on abstract-namespace addresses built on them. With {@code internal.unix.datagram}, the
 * only packages of core that load junixsocket, an optional dependency.
 */
@NullMarked
package io.jtwisted.internal.unix.afunix;

import org.jspecify.annotations.NullMarked;
