package io.jtwisted.application.internet;

import io.jtwisted.application.service.Service;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.task.LoopingCall;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.ThrowingRunnable;
import io.jtwisted.python.failure.ThrowingSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Calls a function every {@code step} seconds while it runs, as Twisted's {@code internet.TimerService}: the
 * first call is made when the service starts. A call that throws (or whose Deferred fails) ends the loop
 * with the failure logged; {@link #stopService()} waits for a call in progress.
 */
public class TimerService extends Service {
    private static final Logger log = Logger.forClass(TimerService.class);

    private final double step;
    private final ThrowingSupplier<? extends @Nullable Deferred<?>> call;
    private @Nullable IReactorTime clock; // null: the global reactor
    private @Nullable LoopingCall loop;
    private @Nullable Deferred<@Nullable LoopingCall> loopFinished; // its errback leaves null

    /** Calls {@code callable} every {@code step} seconds. */
    public TimerService(double step, ThrowingRunnable callable) {
        this(step, () -> {
            callable.run();
            return null;
        });
    }

    /** Calls {@code callable} every {@code step} seconds; a returned Deferred delays the next call until it fires. */
    public TimerService(double step, ThrowingSupplier<? extends @Nullable Deferred<?>> callable) {
        this.step = step;
        this.call = callable;
    }

    /** Times the calls by {@code clock} (a test's {@code Clock}) instead of the global reactor; returns this. */
    public TimerService setClock(IReactorTime clock) {
        this.clock = clock;
        return this;
    }

    /** The seconds between calls. */
    public double step() {
        return step;
    }

    @Override
    public void startService() {
        super.startService();
        // A fresh loop per start: a stopped LoopingCall cannot be started again with a new Deferred.
        LoopingCall fresh = new LoopingCall(call);
        loop = fresh;
        fresh.setClock(clock != null ? clock : Reactor.reactor);
        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable LoopingCall> finished = fresh.start(step, true);
        loopFinished = finished;
        finished.addErrback(failure -> {
            log.failure("TimerService call failed; the timer stopped", failure);
            return null;
        });
    }

    /** Stops the loop; the Deferred fires once a call in progress has finished. */
    @Override
    public Deferred<?> stopService() {
        if (loop != null && loop.running()) {
            loop.stop();
        }
        Deferred<@Nullable LoopingCall> finished = loopFinished != null ? loopFinished : Deferred.succeed(null);
        return finished.<@Nullable Object>addCallback(ignored -> {
            super.stopService();
            return null;
        });
    }
}
