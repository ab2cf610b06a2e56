package io.jtwisted.internet.testing;

import io.jtwisted.internet.interfaces.IAddress;

/** The default host and peer address of a {@link FakeTransport}: equal only to itself. */
public final class FakeAddress implements IAddress {
    @Override
    public String toString() {
        return "FakeAddress@" + Integer.toHexString(System.identityHashCode(this));
    }
}
