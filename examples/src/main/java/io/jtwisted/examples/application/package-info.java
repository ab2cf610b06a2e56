/**
 * The {@code EchoService} of Twisted's "Using the Twisted Application Framework" howto: a service that listens while it runs and whose stop waits until its port is closed.
 */
@NullMarked
package io.jtwisted.examples.application;

import org.jspecify.annotations.NullMarked;
