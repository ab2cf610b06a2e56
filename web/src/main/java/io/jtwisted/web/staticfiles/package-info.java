/**
 * Static content: files and directories served from disk with ranges, conditional requests and
 * MIME types, and fixed data, as Twisted's {@code twisted.web.static}.
 */
@NullMarked
package io.jtwisted.web.staticfiles;

import org.jspecify.annotations.NullMarked;
