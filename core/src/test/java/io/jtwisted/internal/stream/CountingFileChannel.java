package io.jtwisted.internal.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only file channel that passes every call to a real one and counts the bytes the
 * transport takes from it by positional reads and by {@code transferTo}, so that a test can see
 * which way a region's bytes left.
 */
final class CountingFileChannel extends FileChannel {
    private final FileChannel file;
    long bytesRead;
    long bytesTransferred;

    CountingFileChannel(FileChannel file) {
        this.file = file;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int n = file.read(dst, position);
        bytesRead += Math.max(n, 0);
        return n;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        long n = file.transferTo(position, count, target);
        bytesTransferred += n;
        return n;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public int read(ByteBuffer dst) {
        throw new UnsupportedOperationException("the transport reads by position only");
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        throw new UnsupportedOperationException("the transport reads by position only");
    }

    @Override
    public int write(ByteBuffer src) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public FileChannel truncate(long size) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void force(boolean metaData) {}

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("not used by the transport");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException("not used by the transport");
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException("not used by the transport");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
