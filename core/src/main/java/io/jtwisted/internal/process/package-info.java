/**
 * Child processes of the reactor: {@code spawnProcess}, its transport, pipes and exit statuses.
 */
@NullMarked
package io.jtwisted.internal.process;

import org.jspecify.annotations.NullMarked;
