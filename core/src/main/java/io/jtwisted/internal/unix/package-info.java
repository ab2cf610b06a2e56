/**
 * UNIX-domain stream sockets of the reactor: {@code listenUNIX} and {@code connectUNIX}, on the JDK's
 * channels for socket files and on junixsocket's (package {@code afunix}) for abstract names.
 */
@NullMarked
package io.jtwisted.internal.unix;

import org.jspecify.annotations.NullMarked;
