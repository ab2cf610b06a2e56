/**
 * The examples of Twisted's deployment howtos: a server that tells each client its address (behind HAProxy too), one that answers a connection handed over by systemd or inetd, and rolling restarts on a shared port.
 */
@NullMarked
package io.jtwisted.examples.deploy;

import org.jspecify.annotations.NullMarked;
