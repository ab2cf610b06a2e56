/**
 * The DNS codec against Netty's, and the DNS server that {@code benchmarks/dns.sh} puts under load.
 */
@NullMarked
package io.jtwisted.benchmarks.dns;

import org.jspecify.annotations.NullMarked;
