/**
 * Services built from endpoint strings, as Twisted's {@code twisted.application.strports}.
 */
@NullMarked
package io.jtwisted.application.strports;

import org.jspecify.annotations.NullMarked;
