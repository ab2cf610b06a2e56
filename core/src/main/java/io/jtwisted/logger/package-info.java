/**
 * Structured logging, as Twisted's {@code twisted.logger}: {@code Logger}, events, observers,
 * filters, JSON log files and the bridge to SLF4J.
 */
@NullMarked
package io.jtwisted.logger;

import org.jspecify.annotations.NullMarked;
