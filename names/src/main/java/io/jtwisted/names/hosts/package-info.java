/**
 * A resolver that answers from a hosts file, as Twisted's {@code twisted.names.hosts}.
 */
@NullMarked
package io.jtwisted.names.hosts;

import org.jspecify.annotations.NullMarked;
