package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.interfaces.IAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a PROXY header says, as Twisted's {@code ProxyInfo}: the raw header bytes, and the
 * addresses of the client ({@code source}) and of the address the client connected to
 * ({@code destination}). Both addresses are {@code null} when the header carries none (version 1
 * {@code UNKNOWN}, version 2 {@code LOCAL} or an unspecified family or transport); the connection's
 * own addresses then stand.
 *
 * @param header the header as received: for version 1 the line without its CRLF, for version 2 the
 *     whole binary header (signature, fixed part, addresses and any TLVs)
 */
@SuppressWarnings(
        "ArrayRecordComponent") // the raw header is kept to be logged or inspected; equality is not defined on it
public record ProxyInfo(
        byte[] header, @Nullable IAddress source, @Nullable IAddress destination) {}
