package io.jtwisted.internet.interfaces;

import java.nio.ByteBuffer;

/**
 * A protocol that takes the bytes read as a {@link ByteBuffer} lent by the transport, without the
 * copy into a fresh array that {@link IProtocol#dataReceived(byte[])} costs: for relays, proxies
 * and other protocols that pass bytes on rather than keep them.
 *
 * <p>The TCP and UNIX stream transports call {@link #bufferReceived} instead of {@code
 * dataReceived} for a protocol that implements this interface. Every other transport (a TLS layer,
 * {@code StringTransport}, a wrapping protocol that does not forward buffers) still calls {@code
 * dataReceived}, so such a protocol implements both, usually with {@code dataReceived(data)}
 * calling {@code bufferReceived(ByteBuffer.wrap(data))}.
 *
 * <p>Ownership: the buffer belongs to the transport (it is the reactor's read buffer, shared by
 * all its connections). Its remaining bytes are the bytes read, and it is valid only during the
 * call: the protocol may read it, move its position and limit, and pass it to {@link
 * ITransport#write(ByteBuffer)} of any transport of the same reactor (which sends it, or copies
 * what it cannot send at once, before returning), but must not keep it, or a view of it, once
 * {@code bufferReceived} returns; bytes it wants later it copies out. It is a direct buffer, so
 * {@link ByteBuffer#array()} is not available.
 */
public interface IBufferReceiver {
    /**
     * Some bytes arrived: {@code data}'s remaining bytes, lent until this method returns.
     *
     * @param data the bytes read, from its position to its limit; not to be kept after the call
     */
    void bufferReceived(ByteBuffer data);
}
