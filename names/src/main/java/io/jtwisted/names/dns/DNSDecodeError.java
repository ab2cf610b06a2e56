package io.jtwisted.names.dns;

/**
 * A DNS message, name or record could not be read: truncated data, a bad compression pointer, a
 * label over 63 octets, a name over 255, record data of the wrong length. The message says which.
 */
public class DNSDecodeError extends RuntimeException {
    public DNSDecodeError(String message) {
        super(message);
    }
}
