/**
 * A resolver that asks a chain of resolvers in turn, as Twisted's {@code twisted.names.resolve}.
 */
@NullMarked
package io.jtwisted.names.resolve;

import org.jspecify.annotations.NullMarked;
