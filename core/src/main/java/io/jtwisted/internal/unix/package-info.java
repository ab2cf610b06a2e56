/**
 * UNIX-domain stream sockets of the reactor: {@code listenUNIX}, {@code connectUNIX}, their lock files and file modes.
 */
@NullMarked
package io.jtwisted.internal.unix;

import org.jspecify.annotations.NullMarked;
