package io.jtwisted.internet.task;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IReactorTime;

/** Where the task utilities find the global reactor when no clock was given. */
final class DefaultClock {
    private DefaultClock() {}

    static IReactorTime reactor() {
        return Reactor.reactor;
    }
}
