/**
 * The examples of Twisted's "Scheduling tasks for the future" howto: calling later, deferring later, looping calls and cancelling a call.
 */
@NullMarked
package io.jtwisted.examples.scheduling;

import org.jspecify.annotations.NullMarked;
