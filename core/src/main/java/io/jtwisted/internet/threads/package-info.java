/**
 * Running blocking code on the reactor's thread pool and getting its result back on the reactor
 * thread, as Twisted's {@code twisted.internet.threads}.
 */
@NullMarked
package io.jtwisted.internet.threads;

import org.jspecify.annotations.NullMarked;
