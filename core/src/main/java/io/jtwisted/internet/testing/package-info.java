/**
 * Test doubles, as Twisted's {@code twisted.internet.testing}: {@code StringTransport}, the memory
 * reactor and the in-memory connection helpers, for deterministic tests of protocols.
 */
package io.jtwisted.internet.testing;

