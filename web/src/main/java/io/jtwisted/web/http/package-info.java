/**
 * HTTP/1.x for the web: the channel that parses requests, the request itself, headers, cookies,
 * form decoding and the access log, as Twisted's {@code twisted.web.http}.
 */
@NullMarked
package io.jtwisted.web.http;

import org.jspecify.annotations.NullMarked;
