package io.jtwisted.examples.docs;

import static io.jtwisted.internet.Reactor.reactor; // from twisted.internet import reactor
import static io.jtwisted.internet.interfaces.IReactorCore.SHUTDOWN;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorCore.Phase;
import io.jtwisted.internet.threads.Threads;
import io.jtwisted.protocols.basic.LineReceiver;

/**
 * The code of docs/reactor.md, compiled: the chapter quotes these lines (DocSnippetsTest), so a
 * change of the reactor's API that would make the chapter wrong breaks the build instead. The
 * methods are not run here (the global reactor runs once per process); the behaviour they show is
 * tested by core's reactor tests and by the scheduling examples.
 */
final class ReactorChapter {
    private LineReceiver protocol;
    private final State state = new State();

    private ReactorChapter() {}

    void runningAndStopping() {
        reactor.callWhenRunning(() -> System.out.println("running"));
        reactor.callLater(2, reactor::stop);
        reactor.run(); // returns once the reactor has stopped
    }

    void systemEventTriggers() {
        Object id = reactor.addSystemEventTriggerDeferring(Phase.BEFORE, SHUTDOWN, () -> {
            Deferred<Void> flushed = saveEverything(); // shutdown waits for this Deferred
            return flushed;
        });
        reactor.addSystemEventTrigger(Phase.DURING, SHUTDOWN, () -> System.out.println("bye"));
        reactor.addSystemEventTrigger("after", "shutdown", () -> null); // Twisted's spelling works too
        reactor.removeSystemEventTrigger(id);
    }

    void scheduling() {
        IDelayedCall call = reactor.callLater(3.5, () -> f("hello, world"));
        call.delay(1); // one second later than planned
        call.reset(10); // ten seconds from now
        call.cancel(); // never: AlreadyCancelled / AlreadyCalled if done already
        call.active(); // false once it has run or was cancelled
        call.getTime(); // when, in reactor.seconds()
        reactor.getDelayedCalls();
    }

    @SuppressWarnings("UnusedVariable") // the chapter's snippet shows what each call returns
    void threads() throws Exception {
        reactor.callFromThread(() -> protocol.sendLine("done")); // from any thread, runs on the reactor
        reactor.callInThread(() -> blockingWork()); // on the reactor's thread pool
        Deferred<Long> d = Threads.deferToThread(reactor, () -> fib(40)); // result back on the reactor thread
        String s = Threads.blockingCallFromThread(reactor, () -> state.describe()); // from another thread: wait
    }

    private static Deferred<Void> saveEverything() {
        return Deferred.succeed(null);
    }

    private static void f(String text) {
        System.out.println(text);
    }

    private static void blockingWork() {}

    private static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    private static final class State {
        String describe() {
            return "state";
        }
    }
}
