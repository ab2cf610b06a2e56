package io.jtwisted.protocols.haproxy;

import org.jspecify.annotations.Nullable;

/**
 * A streaming parser of one PROXY protocol header, as Twisted's {@code IProxyParser}. Feed it the
 * connection's first bytes as they arrive; the result does not depend on how they were cut.
 */
public interface IProxyParser {
    /**
     * A complete header and the bytes that followed it in what was fed.
     *
     * @param remaining the bytes after the header, for the wrapped protocol (possibly empty)
     */
    @SuppressWarnings("ArrayRecordComponent") // a parser's result, read once, never compared
    record Parsed(ProxyInfo info, byte[] remaining) {}

    /**
     * Consumes {@code data}.
     *
     * @return the header and what followed it once the header is complete, else {@code null} (more
     *     bytes are needed)
     * @throws InvalidProxyHeader as soon as the bytes fed cannot be the start of a valid header
     */
    @Nullable
    Parsed feed(byte[] data) throws InvalidProxyHeader;

    /**
     * Parses one complete header (version 1: the line without its CRLF; version 2: the whole binary
     * header).
     *
     * @throws InvalidProxyHeader if it is not a valid header
     */
    ProxyInfo parse(byte[] header) throws InvalidProxyHeader;
}
