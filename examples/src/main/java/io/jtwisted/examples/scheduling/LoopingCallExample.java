package io.jtwisted.examples.scheduling;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.task.LoopingCall;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' {@code LoopingCall} example: {@code runEverySecond} prints
 * {@code A new second has passed.} three times, one second apart, then stops the loop, which
 * prints {@code Loop done.} and stops the reactor.
 *
 * <p>{@code bin/run-example LoopingCallExample --fail} is the howtos' {@code failInTheEnd = True}
 * variant: instead of stopping the loop, the fourth call throws, and the errback prints the brief
 * traceback ({@code java.lang.Exception: Failure during loop execution.}) and stops the reactor.
 */
@Example(value = "LoopingCall: three ticks a second apart, then the loop stops the reactor", usage = "[--fail]")
public final class LoopingCallExample {
    private static final int LOOP_TIMES = 3;
    private final boolean failInTheEnd;
    private final PrintStream out;
    private int loopCounter;
    private final LoopingCall loop = new LoopingCall(this::runEverySecond);

    /** The howtos' script state: {@code failInTheEnd}, and where {@code print} writes. */
    public LoopingCallExample(boolean failInTheEnd, PrintStream out) {
        this.failInTheEnd = failInTheEnd;
        this.out = out;
    }

    /** Called at every loop interval. */
    private void runEverySecond() throws Exception {
        if (loopCounter < LOOP_TIMES) {
            loopCounter++;
            out.println("A new second has passed.");
            return;
        }

        if (failInTheEnd) {
            throw new Exception("Failure during loop execution.");
        }

        // We looped enough times.
        loop.stop();
    }

    /**
     * Starts looping every second on {@code clock}; when the loop ends, prints how and calls
     * {@code stopReactor}.
     */
    public Deferred<LoopingCall> start(IReactorTime clock, Runnable stopReactor) {
        loop.setClock(clock);

        // Start looping every 1 second.
        Deferred<LoopingCall> loopDeferred = loop.start(1.0);

        // Add callbacks for stop and failure.
        loopDeferred.<@Nullable Object>addCallbacks(
                result -> {
                    // Called when the loop was stopped with success.
                    out.println("Loop done.");
                    stopReactor.run();
                    return null;
                },
                failure -> {
                    // Called when the loop execution failed.
                    out.println(failure.getBriefTraceback());
                    stopReactor.run();
                    return null;
                });
        return loopDeferred;
    }

    public static void main(String[] args) {
        boolean failInTheEnd = args.length > 0 && args[0].equals("--fail");
        new LoopingCallExample(failInTheEnd, System.out).start(reactor, reactor::stop);
        reactor.run();
    }
}
