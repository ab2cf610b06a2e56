/**
 * Time and repetition, as Twisted's {@code twisted.internet.task}: the deterministic {@code
 * Clock}, {@code LoopingCall}, {@code deferLater}, {@code react} and the cooperator.
 */
@NullMarked
package io.jtwisted.internet.task;

import org.jspecify.annotations.NullMarked;
