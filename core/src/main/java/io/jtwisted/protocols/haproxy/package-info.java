/**
 * The PROXY protocol (versions 1 and 2), as Twisted's {@code twisted.protocols.haproxy}: a load
 * balancer in front of a server (HAProxy's {@code send-proxy} / {@code send-proxy-v2}, nginx's
 * {@code proxy_protocol}, a cloud load balancer) starts each connection with a header naming the
 * client's address; {@link io.jtwisted.protocols.haproxy.HAProxyWrappingFactory} reads that header so
 * that {@code transport.getPeer()} and {@code getHost()} return the addresses it names.
 *
 * <p>The usual way in is the endpoint description {@code haproxy:tcp:8080} (any server description
 * after {@code haproxy:}), or {@link io.jtwisted.protocols.haproxy.HAProxy#proxyEndpoint} around an
 * endpoint object.
 */
@NullMarked
package io.jtwisted.protocols.haproxy;

import org.jspecify.annotations.NullMarked;
