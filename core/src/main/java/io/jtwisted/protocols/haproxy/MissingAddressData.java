package io.jtwisted.protocols.haproxy;

/**
 * The header's addresses or ports are missing, incomplete or not valid for its protocol, as
 * Twisted's {@code MissingAddressData}.
 */
public class MissingAddressData extends InvalidProxyHeader {
    public MissingAddressData(String message) {
        super(message);
    }
}
