package io.jtwisted.internet.interfaces;

import java.nio.channels.FileChannel;

/**
 * A stream transport that can send part of a file from the file system to its socket without the
 * bytes passing through the Java heap ({@link FileChannel#transferTo}, which is {@code sendfile} on
 * Linux). TCP and UNIX stream connections implement it; a caller that finds a transport without
 * it, or whose {@link #canWriteFile()} is false (a TLS connection, whose bytes must be encrypted
 * in memory), reads the file and calls {@link ITransport#write(byte[])} instead.
 *
 * <p>Guarantees of {@link #writeFile}:
 * <ul>
 *   <li><b>Order:</b> the region's bytes leave after every byte written before the call and before
 *       every byte written after it, as if they had been written with {@code write}.</li>
 *   <li><b>No blocking:</b> the region is sent as the socket takes it, from the end of the loop
 *       turn on; a partial transfer goes on when the socket is writable again.</li>
 *   <li><b>Flow control:</b> the region's bytes count as queued bytes, so a registered push producer
 *       is paused and resumed by them as by written bytes. A region costs no heap whatever its length,
 *       so a producer may queue a whole file as one region (one {@code transferTo} per turn the
 *       socket is writable, rather than one per bounded piece); it should then queue nothing more,
 *       and not finish, until it is resumed, so that what it holds queued stays bounded.</li>
 *   <li><b>Packets:</b> when bytes written just before the region (a response's head, say) leave
 *       room in the transport's write, the region's first bytes are read into that room, off the
 *       heap, and leave with them: the peer gets the head and the start of the body in one
 *       segment, as {@code TCP_CORK} would send them, rather than the head in a packet of its own.
 *       The rest goes with {@code transferTo}; a small region may leave whole that way.</li>
 *   <li><b>The file:</b> the transport reads it with positional reads and transfers (it never moves the
 *       channel's position) and, when {@code closeWhenDone} is true, closes it once the region's
 *       last byte is handed to the operating system, or when the connection closes first for any
 *       reason (and at once if it is closed already). With {@code closeWhenDone} false the caller
 *       keeps the file and must keep it open until the region is sent.</li>
 *   <li><b>A short file:</b> if the file ends before {@code position + count} while the region is
 *       being sent, the connection is closed with a {@code ConnectionLost} naming it: the peer was
 *       promised bytes that do not exist.</li>
 * </ul>
 * Everything runs on the reactor thread.
 */
public interface IFileRegionTransport extends ITransport {
    /**
     * True when {@link #writeFile} sends straight from the file on this connection now; false once
     * TLS was started on it, when no region can go out unencrypted (the caller then falls back to
     * reading the file into the heap and writing bytes).
     */
    boolean canWriteFile();

    /**
     * Queues {@code count} bytes of {@code file} from {@code position} for sending, in order with
     * the bytes written (see the class comment for what is guaranteed). Ignored, and the file closed
     * if {@code closeWhenDone}, once the connection or its write side is closed or aborted, as
     * {@code write} is.
     *
     * @throws IllegalStateException if {@link #canWriteFile()} is false
     * @throws IllegalArgumentException if {@code position} or {@code count} is negative
     */
    void writeFile(FileChannel file, long position, long count, boolean closeWhenDone);
}
