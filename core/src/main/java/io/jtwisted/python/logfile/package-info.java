/**
 * Log files that rotate, as Twisted's {@code twisted.python.logfile}: by size ({@code LogFile})
 * and by day ({@code DailyLogFile}).
 */
@NullMarked
package io.jtwisted.python.logfile;

import org.jspecify.annotations.NullMarked;
