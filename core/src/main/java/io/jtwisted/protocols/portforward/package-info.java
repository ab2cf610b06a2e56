/**
 * A port forwarder, as Twisted's {@code twisted.protocols.portforward}: each accepted connection is relayed to a fixed destination.
 */
@NullMarked
package io.jtwisted.protocols.portforward;

import org.jspecify.annotations.NullMarked;
