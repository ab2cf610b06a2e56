package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.internet.defer.Deferred;

/**
 * Small programs for {@link UnhandledErrorReportingTest}, each run in a child JVM: what a user
 * sees on the console when a Deferred's failure is never handled.
 */
final class UnhandledErrorPrograms {
    private UnhandledErrorPrograms() {}

    /** Drops a failed Deferred, then hangs with the reactor running. */
    static final class DropsAFailureAndHangs {
        public static void main(String[] args) {
            reactor.callWhenRunning(() -> Deferred.fail(new IllegalStateException("dropped and never handled")));
            reactor.run();
        }
    }

    /** Keeps a failed Deferred referenced and exits without handling it. */
    static final class KeepsAFailureAndExits {
        static Deferred<Void> kept;

        public static void main(String[] args) {
            kept = Deferred.fail(new IllegalStateException("kept until exit"));
            System.exit(0);
        }
    }

    /** An async body waits forever on a Deferred nobody fires; the reactor stops; main returns. */
    static final class BodyNeverFinishes {
        public static void main(String[] args) {
            reactor.callWhenRunning(() -> Deferred.async(reactor, () -> Deferred.await(new Deferred<Void>())));
            reactor.callLater(0.2, reactor::stop);
            reactor.run();
            System.out.println("reactor stopped");
        }
    }
}
