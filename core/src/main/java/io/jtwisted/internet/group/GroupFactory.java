package io.jtwisted.internet.group;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ReactorGroup} port gets its protocol factory: the sharing contract, stated where the
 * factory is handed over.
 *
 * <ul>
 * <li>{@link #perReactor(Supplier)}: each reactor of the group gets its own factory, made by the supplier
 *     once per reactor. A factory then sees only the connections of its reactor, and all its calls
 *     ({@code startFactory}, {@code buildProtocol}, {@code stopFactory}) run on that reactor's thread: state
 *     per core, no locks, exactly as with one reactor. This is the default to reach for.</li>
 * <li>{@link #shared(IProtocolFactory)}: one factory for every reactor. Its {@code buildProtocol} is called
 *     on every reactor's thread, concurrently, so its author makes it thread-safe; its {@code startFactory}
 *     still runs once (before the first reactor listens) and its {@code stopFactory} once (after the last
 *     reactor's port has stopped).</li>
 * </ul>
 *
 * <p>A group refuses a plain factory: which of the two it is must be said. Given to a single reactor
 * (the same code run without a group), a {@code GroupFactory} acts as one factory: the shared one, or the
 * first the supplier makes.
 */
public final class GroupFactory implements IProtocolFactory {
    private final @Nullable Supplier<? extends IProtocolFactory> supplier; // null when shared
    private final @Nullable IProtocolFactory shared; // null when per reactor
    private @Nullable IProtocolFactory single; // when used on one reactor, outside a group

    private GroupFactory(@Nullable Supplier<? extends IProtocolFactory> supplier, @Nullable IProtocolFactory shared) {
        this.supplier = supplier;
        this.shared = shared;
    }

    /** A factory made by {@code supplier} for each reactor of the group (see the class comment). */
    public static GroupFactory perReactor(Supplier<? extends IProtocolFactory> supplier) {
        return new GroupFactory(Objects.requireNonNull(supplier, "supplier"), null);
    }

    /** {@code factory}, used by every reactor of the group; it must be thread-safe (see the class comment). */
    public static GroupFactory shared(IProtocolFactory factory) {
        Objects.requireNonNull(factory, "factory");
        if (factory instanceof GroupFactory) {
            throw new IllegalArgumentException("already a GroupFactory: " + factory);
        }
        return new GroupFactory(null, factory);
    }

    /** True for {@link #shared}, false for {@link #perReactor}. */
    public boolean isShared() {
        return shared != null;
    }

    /** The shared factory, or {@code null} for a per-reactor one. */
    @Nullable
    IProtocolFactory sharedFactory() {
        return shared;
    }

    /** A new factory for one reactor (per-reactor kind only). */
    IProtocolFactory makeOne() {
        IProtocolFactory made = Objects.requireNonNull(supplier, "a shared GroupFactory makes no factory")
                .get();
        if (made == null) {
            throw new IllegalStateException("the per-reactor factory supplier returned null");
        }
        return made;
    }

    private IProtocolFactory single() {
        if (single == null) {
            single = shared != null ? shared : makeOne();
        }
        return single;
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        return single().buildProtocol(address);
    }

    @Override
    public void doStart() {
        single().doStart();
    }

    @Override
    public void doStop() {
        single().doStop();
    }

    @Override
    public String toString() {
        return shared != null ? "shared " + shared : "a factory per reactor";
    }
}
