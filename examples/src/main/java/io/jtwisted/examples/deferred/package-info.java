/**
 * The examples of Twisted's Deferred howtos: callbacks and errbacks, chaining, cancellation, timeouts, lists of results and awaiting on a virtual thread.
 */
@NullMarked
package io.jtwisted.examples.deferred;

import org.jspecify.annotations.NullMarked;
