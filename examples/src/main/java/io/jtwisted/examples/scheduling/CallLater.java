package io.jtwisted.examples.scheduling;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;

/**
 * The howtos' first scheduling example: {@code reactor.callLater(3.5, f, "hello, world")}. Prints
 * {@code this will run 3.5 seconds after it was scheduled: hello, world} after 3.5 seconds, then
 * keeps running, as the Python version does, until Ctrl-C (or SIGTERM) stops the reactor.
 */
@Example("reactor.callLater(3.5, f, \"hello, world\")")
public final class CallLater {
    private CallLater() {}

    static void f(String s) {
        System.out.println("this will run 3.5 seconds after it was scheduled: " + s);
    }

    public static void main(String[] args) {
        reactor.callLater(3.5, () -> f("hello, world"));

        // f() will only be called if the event loop is started.
        reactor.run();
    }
}
