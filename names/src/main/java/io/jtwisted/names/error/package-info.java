/**
 * The errors a resolver fails with, one per DNS response code, as Twisted's {@code twisted.names.error}.
 */
@NullMarked
package io.jtwisted.names.error;

import org.jspecify.annotations.NullMarked;
