package io.jtwisted.internet.interfaces;

/**
 * A call scheduled with {@link IReactorTime#callLater}. All methods must be used from the
 * reactor thread.
 */
public interface IDelayedCall {
    /** The time, in the scheduler's {@link IReactorTime#seconds()} units, at which the call runs. */
    double getTime();

    /**
     * Stops the call from running.
     *
     * @throws io.jtwisted.internet.error.AlreadyCancelled if it was cancelled already
     * @throws io.jtwisted.internet.error.AlreadyCalled if it has run already
     */
    void cancel();

    /** Postpones the call by {@code secondsLater} more seconds. Same errors as {@link #cancel()}. */
    void delay(double secondsLater);

    /** Reschedules the call to run {@code secondsFromNow} seconds from now. Same errors as {@link #cancel()}. */
    void reset(double secondsFromNow);

    /** True until the call has run or been cancelled. */
    boolean active();
}
