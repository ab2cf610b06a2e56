package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.protocols.policies.WrappingFactory;
import java.util.Objects;

/**
 * Wraps a factory so that each of its connections starts by reading a PROXY header, as Twisted's
 * {@code HAProxyWrappingFactory}: see {@link HAProxyProtocolWrapper} for what a connection then
 * guarantees.
 */
public class HAProxyWrappingFactory extends WrappingFactory {
    public HAProxyWrappingFactory(IProtocolFactory wrappedFactory) {
        super(wrappedFactory);
    }

    @Override
    protected IProtocol wrapProtocol(IProtocol wrapped) {
        return new HAProxyProtocolWrapper(this, wrapped);
    }

    /** The wrapped factory's prefix with {@code " (PROXY)"}: {@code "Echo (PROXY)"}, as Twisted's. */
    @Override
    public String logPrefix() {
        String inner = wrappedFactory instanceof WrappingFactory wrapping
                ? wrapping.logPrefix()
                : Objects.requireNonNull(wrappedFactory, "no wrapped factory")
                        .getClass()
                        .getSimpleName();
        return inner + " (PROXY)";
    }
}
