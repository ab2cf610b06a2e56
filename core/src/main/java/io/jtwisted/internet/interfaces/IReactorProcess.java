package io.jtwisted.internet.interfaces;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Child processes driven by the reactor, as Twisted's {@code IReactorProcess}. Call these on the
 * reactor thread; every callback of the protocol runs on it.
 */
public interface IReactorProcess extends IReactor {
    /**
     * Starts {@code executable} as a child process connected to {@code protocol}, whose {@code
     * makeConnection} is called before this returns.
     *
     * @param protocol hears the child's output, the closing of its pipes and its end
     * @param executable the program to run: a path, or a name looked up in this process's {@code PATH}
     * @param args the argument vector as in Twisted: {@code args.get(0)} is the program's name
     *     (conventionally {@code executable} again) and the rest are its arguments. The child sees
     *     {@code executable} as its {@code argv[0]}: the JDK cannot set it apart.
     * @param env the child's whole environment; {@code null} for a copy of this process's, and
     *     an empty map (Twisted's default) for an empty one
     * @param path the child's working directory, or {@code null} for this process's
     * @param usePTY must be false: the JDK has no pseudo-terminals
     * @param childFDs how the child's descriptors 0, 1 and 2 are connected, as Twisted's: {@code
     *     "w"} for a pipe this side writes to (stdin only), {@code "r"} for one this side reads
     *     from (stdout, stderr), the same number to inherit this process's descriptor. A
     *     descriptor left out is connected to {@code /dev/null} (Twisted closes it). {@code null}
     *     means {@code {0: "w", 1: "r", 2: "r"}}.
     * @return the child's transport
     * @throws IllegalArgumentException if {@code childFDs} names a descriptor above 2 or a
     *     mapping the JDK cannot make
     * @throws UnsupportedOperationException if {@code usePTY} is true
     * @throws java.io.UncheckedIOException if the child cannot be started (no such program, no
     *     such directory, no permission)
     */
    IProcessTransport spawnProcess(
            IProcessProtocol protocol,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path,
            boolean usePTY,
            @Nullable Map<Integer, Object> childFDs);

    /** {@link #spawnProcess(IProcessProtocol, String, List, Map, String, boolean, Map) spawnProcess} without a terminal. */
    default IProcessTransport spawnProcess(
            IProcessProtocol protocol,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path,
            @Nullable Map<Integer, Object> childFDs) {
        return spawnProcess(protocol, executable, args, env, path, false, childFDs);
    }

    /** Pipes to stdin, stdout and stderr, with environment {@code env} in directory {@code path}. */
    default IProcessTransport spawnProcess(
            IProcessProtocol protocol,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path) {
        return spawnProcess(protocol, executable, args, env, path, false, null);
    }

    /** Pipes to stdin, stdout and stderr, an empty environment (Twisted's default), this process's directory. */
    default IProcessTransport spawnProcess(IProcessProtocol protocol, String executable, List<String> args) {
        return spawnProcess(protocol, executable, args, Map.of(), null, false, null);
    }
}
