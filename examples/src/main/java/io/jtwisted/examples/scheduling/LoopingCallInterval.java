package io.jtwisted.examples.scheduling;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.task.LoopingCall;
import java.io.PrintStream;

/**
 * The howtos' {@code LoopingCall} whose interval changes while it runs: prints {@code hello} every
 * second, and from the fifth second on every five seconds ({@code loopCall.interval = 5} in the
 * howtos, {@code loopCall.setInterval(5)} here).
 *
 * <p>{@code bin/run-example LoopingCallInterval [SECONDS]}: runs until Ctrl+C as the howtos' version does,
 * or stops after SECONDS when given.
 */
@Example(value = "A LoopingCall whose interval changes while it runs", usage = "[SECONDS]")
public final class LoopingCallInterval {
    private LoopingCallInterval() {}

    /** Prints {@code hello} on {@code clock} every second, then every 5 seconds from the fifth second. */
    public static LoopingCall start(IReactorTime clock, PrintStream out) {
        LoopingCall loopCall = new LoopingCall(() -> out.println("hello"));
        loopCall.setClock(clock);
        loopCall.start(1);

        clock.callLater(5, () -> loopCall.setInterval(5));
        return loopCall;
    }

    public static void main(String[] args) {
        start(reactor, System.out);
        if (args.length > 0) {
            reactor.callLater(Double.parseDouble(args[0]), reactor::stop);
        }
        reactor.run();
    }
}
