package io.jtwisted.internet.interfaces;

import java.util.List;

/**
 * The descriptors a reactor watches, as Twisted's {@code IReactorFDSet} (the introspection part:
 * transports register their own descriptors, so {@code addReader}/{@code addWriter} are not
 * offered). Call these on the reactor thread, or while the reactor does not run.
 */
public interface IReactorFDSet extends IReactor {
    /** The descriptors watched for reading (connections reading, ports accepting), in no particular order. */
    List<IFileDescriptor> getReaders();

    /** The descriptors watched for writing (connections with unsent data, attempts connecting). */
    List<IFileDescriptor> getWriters();

    /**
     * Stops watching every descriptor, readers, writers and those paused, and returns them. Their
     * sockets stay open: the caller decides (trial's janitor calls {@link
     * IFileDescriptor#connectionLost} on each).
     */
    List<IFileDescriptor> removeAll();
}
