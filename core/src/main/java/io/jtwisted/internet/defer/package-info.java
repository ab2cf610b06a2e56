/**
 * Deferreds, Twisted's {@code twisted.internet.defer}: {@link io.jtwisted.internet.defer.Deferred}
 * and its chain of callbacks, {@code DeferredList}, the concurrency primitives (lock, semaphore,
 * queue) and the {@code async}/{@code await} coroutines. A Deferred's result may be null: its type
 * parameter admits {@code @Nullable} types ({@code Deferred<@Nullable String>}, {@code Deferred<Void>}).
 */
@NullMarked
package io.jtwisted.internet.defer;

import org.jspecify.annotations.NullMarked;
