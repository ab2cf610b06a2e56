/**
 * The examples of Twisted's "Using Processes" howto: running a command and streaming its output, and writing to a command's standard input.
 */
@NullMarked
package io.jtwisted.examples.process;

import org.jspecify.annotations.NullMarked;
