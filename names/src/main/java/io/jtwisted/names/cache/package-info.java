/**
 * A resolver that answers from the records it has cached until their TTLs expire, as Twisted's {@code twisted.names.cache}.
 */
@NullMarked
package io.jtwisted.names.cache;

import org.jspecify.annotations.NullMarked;
