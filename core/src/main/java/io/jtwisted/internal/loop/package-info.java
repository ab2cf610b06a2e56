/**
 * The select loop: one reactor thread, its timers, call queue, system event triggers and the selectables transports register.
 */
@NullMarked
package io.jtwisted.internal.loop;

import org.jspecify.annotations.NullMarked;
