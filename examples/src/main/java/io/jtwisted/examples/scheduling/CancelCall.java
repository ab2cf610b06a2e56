package io.jtwisted.examples.scheduling;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IDelayedCall;

/**
 * The howtos' cancelled call: {@code callID = reactor.callLater(5, f); callID.cancel()}. Prints
 * nothing, ever: the reactor runs with nothing to do until Ctrl-C (or SIGTERM) stops it.
 */
@Example("A delayed call cancelled before it runs")
public final class CancelCall {
    private CancelCall() {}

    static void f() {
        System.out.println("I'll never run.");
    }

    public static void main(String[] args) {
        IDelayedCall callID = reactor.callLater(5, CancelCall::f);
        callID.cancel();
        reactor.run();
    }
}
