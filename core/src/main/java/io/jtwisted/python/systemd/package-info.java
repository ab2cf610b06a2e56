/** Integration with systemd, as Twisted's {@code twisted.python.systemd}: socket activation. */
package io.jtwisted.python.systemd;
