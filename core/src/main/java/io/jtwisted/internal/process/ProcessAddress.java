package io.jtwisted.internal.process;

import io.jtwisted.internet.interfaces.IAddress;

/** The address of either end of a process transport, as Twisted's {@code _ProcessAddress}: there is nothing to say. */
final class ProcessAddress implements IAddress {
    static final ProcessAddress INSTANCE = new ProcessAddress();

    private ProcessAddress() {}

    @Override
    public String toString() {
        return "ProcessAddress()";
    }
}
