package io.jtwisted.protocols.basic;

import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A protocol that is a state machine over fixed-size reads, as Twisted's
 * {@code twisted.protocols.stateful.StatefulProtocol}. The current {@link State} says how many bytes
 * to wait for and what to call with them; the handler returns the next state, or {@code null} to
 * stay in the same one. {@link #getInitialState()} gives the first state when the connection is
 * made.
 *
 * <pre>{@code
 * class LengthThenBody extends StatefulProtocol {
 *     protected State getInitialState() { return new State(this::length, 2); }
 *     State length(byte[] prefix) { return new State(this::body, ((prefix[0] & 0xFF) << 8) | (prefix[1] & 0xFF)); }
 *     State body(byte[] body) { handle(body); return getInitialState(); }
 * }
 * }</pre>
 *
 * <p>Once a handler has made the transport {@link ITransport#disconnecting() disconnecting}, no
 * other handler runs for the data already received.
 */
public abstract class StatefulProtocol extends Protocol {
    /**
     * A state: call {@code handler} once {@code length} bytes have arrived.
     *
     * @param handler gets exactly {@code length} bytes; returns the next state or {@code null}
     * @param length how many bytes the handler takes (0 calls it again at once with none)
     */
    public record State(Handler handler, int length) {
        public State {
            if (handler == null) {
                throw new NullPointerException("handler");
            }
            if (length < 0) {
                throw new IllegalArgumentException("length must not be negative: " + length);
            }
        }
    }

    /** What a {@link State} calls with its bytes; may throw, which closes the connection. */
    @FunctionalInterface
    public interface Handler {
        State handle(byte[] data) throws Exception;
    }

    private final ReceiveBuffer buffer = new ReceiveBuffer();
    private @Nullable State state;

    /** Connects, then sets the state to {@link #getInitialState()}. */
    @Override
    public void makeConnection(ITransport transport) {
        super.makeConnection(transport);
        state = getInitialState();
        buffer.clear();
    }

    /** The first state of each connection. */
    protected abstract State getInitialState();

    /** The current state ({@code null} before the connection is made). */
    public @Nullable State state() {
        return state;
    }

    @Override
    public void dataReceived(byte[] data) {
        if (buffer.isEmpty()) {
            buffer.adopt(data, 0);
        } else {
            buffer.append(data);
        }
        Objects.requireNonNull(state, "dataReceived before makeConnection");
        try {
            while (buffer.size() >= state.length()) {
                byte[] chunk = buffer.copy(buffer.start, buffer.start + state.length());
                buffer.start += state.length();
                State next;
                try {
                    next = state.handler().handle(chunk);
                } catch (Exception e) {
                    throw new Failure(e).raiseException();
                }
                if (transport != null && transport.disconnecting()) {
                    return;
                }
                if (next != null) {
                    state = next;
                }
            }
        } finally {
            buffer.trim();
        }
    }

    /** The bytes the receive buffer keeps alive between calls (for tests of the memory bound). */
    int retainedBytes() {
        return buffer.retained();
    }
}
