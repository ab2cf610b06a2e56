package io.jtwisted.internet.error;

import org.jspecify.annotations.Nullable;

/** An address that is not an IP literal where one is needed, as Twisted's {@code InvalidAddressError}. */
public class InvalidAddressError extends IllegalArgumentException {
    private final String address;

    public InvalidAddressError(String address, @Nullable String message) {
        super("Invalid address " + address + ": " + message);
        this.address = address;
    }

    /** The address that was refused. */
    public String address() {
        return address;
    }
}
