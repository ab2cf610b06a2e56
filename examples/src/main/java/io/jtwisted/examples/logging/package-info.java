/**
 * The example of Twisted's logging howto: events with named fields, a rotating text log, a JSON log read back, and levels per namespace.
 */
@NullMarked
package io.jtwisted.examples.logging;

import org.jspecify.annotations.NullMarked;
