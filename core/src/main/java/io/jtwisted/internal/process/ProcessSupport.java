package io.jtwisted.internal.process;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.interfaces.IProcessProtocol;
import io.jtwisted.internet.interfaces.IProcessTransport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The process side of one reactor: {@code spawnProcess}, on the JDK's {@link ProcessBuilder}. */
public final class ProcessSupport {
    private static final Redirect DEV_NULL_IN = Redirect.from(new File("/dev/null"));

    private final EventLoop reactor;

    public ProcessSupport(EventLoop reactor) {
        this.reactor = reactor;
    }

    /** {@code IReactorProcess.spawnProcess}. */
    public IProcessTransport spawnProcess(
            IProcessProtocol protocol,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path,
            boolean usePTY,
            @Nullable Map<Integer, Object> childFDs) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(args, "args");
        if (usePTY) {
            throw new UnsupportedOperationException("usePTY: the JDK cannot give a child a pseudo-terminal");
        }
        Redirect[] redirects = redirects(childFDs == null ? Map.of(0, "w", 1, "r", 2, "r") : childFDs);
        List<String> command = new ArrayList<>();
        command.add(executable);
        if (!args.isEmpty()) {
            command.addAll(args.subList(1, args.size())); // args[0] is the program's name, as in Twisted
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(redirects[0])
                .redirectOutput(redirects[1])
                .redirectError(redirects[2]);
        if (env != null) {
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.putAll(env);
        }
        if (path != null) {
            builder.directory(new File(path));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        ProcessTransport transport = new ProcessTransport(
                reactor,
                process,
                protocol,
                Redirect.PIPE.equals(redirects[0]),
                Redirect.PIPE.equals(redirects[1]),
                Redirect.PIPE.equals(redirects[2]));
        transport.start();
        return transport;
    }

    /**
     * Twisted's {@code childFDs} as the JDK's redirects of descriptors 0, 1 and 2: "w" (stdin)
     * and "r" (stdout, stderr) are pipes, the descriptor's own number inherits it, and a
     * descriptor left out reads from or writes to {@code /dev/null}.
     */
    private static Redirect[] redirects(Map<Integer, Object> childFDs) {
        for (Integer fd : childFDs.keySet()) {
            if (fd == null || fd < 0 || fd > 2) {
                throw new IllegalArgumentException(
                        "childFDs: descriptor " + fd + " cannot be given to a child (the JDK passes only 0, 1 and 2)");
            }
        }
        return new Redirect[] {
            redirect(childFDs, 0, "w", DEV_NULL_IN),
            redirect(childFDs, 1, "r", Redirect.DISCARD),
            redirect(childFDs, 2, "r", Redirect.DISCARD),
        };
    }

    private static Redirect redirect(Map<Integer, Object> childFDs, int fd, String pipe, Redirect absent) {
        Object target = childFDs.get(fd);
        if (target == null) {
            return absent;
        }
        if (pipe.equals(target)) {
            return Redirect.PIPE;
        }
        if (target instanceof Integer parentFD && parentFD == fd) {
            return Redirect.INHERIT;
        }
        throw new IllegalArgumentException("childFDs: " + fd + " -> " + target + " is not supported (use \"" + pipe
                + "\" for a pipe, or " + fd + " to inherit this process's descriptor " + fd + ")");
    }
}
