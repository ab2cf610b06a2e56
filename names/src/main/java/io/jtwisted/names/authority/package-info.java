/**
 * Authoritative resolvers that answer from zone data: BIND-style zone files and their Java form, as Twisted's {@code twisted.names.authority}.
 */
@NullMarked
package io.jtwisted.names.authority;

import org.jspecify.annotations.NullMarked;
