package io.jtwisted.internet.interfaces;

import org.jspecify.annotations.Nullable;

/**
 * The transport of a child process, as Twisted's {@code IProcessTransport}: {@link #write}
 * goes to the child's standard input, its output arrives at the protocol's {@code
 * childDataReceived}. It is a consumer (a producer registered with it writes to the child's
 * stdin, paused while that pipe's buffer is full) and a push producer (pausing it stops reading
 * the child's output, so a child that writes faster than the protocol consumes blocks on its
 * full pipe, as a peer does on a full socket). Every method must be called on the reactor thread.
 */
public interface IProcessTransport extends ITransport, IConsumer, IPushProducer {
    /**
     * The child's process ID from before {@code makeConnection} until the child exits; {@code
     * null} afterwards, as Twisted's {@code transport.pid}.
     */
    @Nullable
    Long pid();

    /** Closes the child's stdin once everything written so far has reached the pipe. */
    void closeStdin();

    /** Closes the pipe from the child's stdout: the child gets EPIPE (or SIGPIPE) on its next writes. */
    void closeStdout();

    /** Closes the pipe from the child's stderr. */
    void closeStderr();

    /**
     * Closes the pipe to the child's descriptor {@code childFD} (stdin after its buffer drains);
     * does nothing if there is no such pipe or it is closed already.
     */
    void closeChildFD(int childFD);

    /**
     * Writes {@code data} to the child's descriptor {@code childFD}, as {@link #write} does for
     * stdin (0).
     *
     * @throws IllegalArgumentException if {@code childFD} is not a descriptor the child reads
     *     from through a pipe of this transport
     */
    void writeToChild(int childFD, byte[] data);

    /**
     * Closes stdin (after its buffer drains), stdout and stderr, as Twisted's; the child is not
     * signalled: it usually ends on its own once it sees end of input or a broken pipe.
     */
    @Override
    void loseConnection();

    /**
     * Sends the signal named {@code signalName} ("TERM", "KILL", "INT", "HUP", "QUIT", "USR1",
     * "STOP", "CONT", ...; with or without the "SIG" prefix) to the child.
     *
     * @throws io.jtwisted.internet.error.ProcessExitedAlready if the child has exited
     * @throws IllegalArgumentException if no signal has that name
     */
    void signalProcess(String signalName);

    /**
     * Sends signal number {@code signal} to the child.
     *
     * @throws io.jtwisted.internet.error.ProcessExitedAlready if the child has exited
     * @throws IllegalArgumentException if {@code signal} is not between 1 and 64
     */
    void signalProcess(int signal);
}
