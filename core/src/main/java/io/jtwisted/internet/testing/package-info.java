/**
 * Test doubles, as Twisted's {@code twisted.internet.testing}: {@code StringTransport}, the memory
 * reactor and the in-memory connection helpers, for deterministic tests of protocols.
 */
@NullMarked
package io.jtwisted.internet.testing;

import org.jspecify.annotations.NullMarked;
