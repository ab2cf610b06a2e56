/** Integration with systemd, as Twisted's {@code twisted.python.systemd}: socket activation. */
@NullMarked
package io.jtwisted.python.systemd;

import org.jspecify.annotations.NullMarked;
