/**
 * The {@code twistd} command, as Twisted's {@code twisted.scripts.twistd}: it loads an application from a plugin or a {@code .tac} file, sets up logging, the pid file and daemonizing, and runs the reactor.
 */
@NullMarked
package io.jtwisted.scripts.twistd;

import org.jspecify.annotations.NullMarked;
