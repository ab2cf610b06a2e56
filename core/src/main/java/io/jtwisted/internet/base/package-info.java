/**
 * What every scheduler shares, as Twisted's {@code twisted.internet.base}: {@link
 * io.jtwisted.internet.base.DelayedCall} and the heap of pending calls, used alike by the reactor
 * and by the deterministic {@code io.jtwisted.internet.task.Clock}.
 */
@NullMarked
package io.jtwisted.internet.base;

import org.jspecify.annotations.NullMarked;
