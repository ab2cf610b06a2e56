package io.jtwisted.examples.deploy;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.python.failure.Failure;
import java.net.StandardProtocolFamily;

/**
 * One connection handed over already accepted, inetd-style (a systemd {@code .socket} unit with
 * {@code Accept=yes}, or {@code systemd-socket-activate --accept}): the process adopts it with
 * {@code reactor.adoptStreamConnection}, answers as {@link WhoAmI} does, and exits when it closes.
 *
 * <p>{@code InetdWhoAmI [FD]}: descriptor 3 by default, where systemd puts it.
 */
@Example(value = "Answers one connection handed over by systemd (Accept=yes) or inetd, then exits", usage = "[FD]")
public final class InetdWhoAmI {
    private InetdWhoAmI() {}

    /** {@link WhoAmI.Answer}, and the process ends with its connection. */
    public static class AnswerOnce extends WhoAmI.Answer {
        @Override
        public void connectionLost(Failure reason) {
            reactor.stop();
        }
    }

    public static void main(String[] args) {
        int fd = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        reactor.callWhenRunning(() ->
                reactor.adoptStreamConnection(fd, StandardProtocolFamily.INET, Factory.forProtocol(AnswerOnce::new)));
        reactor.run();
    }
}
