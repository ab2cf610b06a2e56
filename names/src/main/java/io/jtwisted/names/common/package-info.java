/**
 * The resolver interface every resolver implements and what it answers with, as Twisted's {@code twisted.names.common}.
 */
@NullMarked
package io.jtwisted.names.common;

import org.jspecify.annotations.NullMarked;
