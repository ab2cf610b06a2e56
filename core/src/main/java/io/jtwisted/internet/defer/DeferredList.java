package io.jtwisted.internet.defer;

import io.jtwisted.python.failure.Failure;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Deferred that fires once every Deferred of a list has fired, with the list of their outcomes
 * in the order given, as Twisted's {@code twisted.internet.defer.DeferredList}.
 *
 * <p>By default it always fires its callback chain (never its errback chain), with one
 * {@link Result} per Deferred saying whether it succeeded and with what. Options change that:
 * {@link Option#FIRE_ON_ONE_ERRBACK} fails it with a {@link FirstError} as soon as one Deferred
 * fails; {@link Option#CONSUME_ERRORS} stops failures from going further down their own
 * Deferred's chain (they become {@code null} there, so nothing is logged as unhandled). Twisted's
 * {@code fireOnOneCallback} changes the result's type, so it is a factory of its own:
 * {@link #fireOnOneCallback}.
 *
 * <p>The list adds one (callback, errback) pair to each Deferred when it is built: callbacks added
 * to them afterwards do not change what the list sees. Cancelling the list cancels every
 * Deferred in it that has not fired. Once the list has fired, its Deferreds that are still
 * pending go on: cancel them yourself if you must.
 *
 * <pre>{@code
 * DeferredList<String> dl = new DeferredList<>(List.of(d1, d2, d3), Option.CONSUME_ERRORS);
 * dl.addCallback(results -> { results.forEach(System.out::println); return null; });
 * }</pre>
 *
 * @param <T> the type of the Deferreds' results
 */
public final class DeferredList<T extends @Nullable Object> extends Deferred<List<DeferredList.Result<T>>> {

    /** Twisted's keyword arguments of {@code DeferredList}. */
    public enum Option {
        /** Fail with a {@link FirstError} as soon as one Deferred fails. */
        FIRE_ON_ONE_ERRBACK,
        /** Turn each failure into a {@code null} result on its own Deferred, once recorded. */
        CONSUME_ERRORS
    }

    /**
     * What one Deferred of the list came to: {@code (success, value)} in Twisted's terms, with
     * the value typed and the failure kept apart.
     *
     * @param success true when the Deferred fired its callback chain
     * @param value the result when it succeeded, otherwise {@code null}
     * @param failure the failure when it failed, otherwise {@code null}
     * @param <T> the result type
     */
    public record Result<T extends @Nullable Object>(
            boolean success, @Nullable T value, @Nullable Failure failure) {
        /** A successful outcome. */
        public static <T extends @Nullable Object> Result<T> succeeded(T value) {
            return new Result<>(true, value, null);
        }

        /** A failed outcome. */
        public static <T extends @Nullable Object> Result<T> failed(Failure failure) {
            return new Result<>(false, null, failure);
        }

        /**
         * The value when it succeeded (null if that value is null), else the {@link Failure}:
         * Twisted's second tuple element.
         */
        public @Nullable Object valueOrFailure() {
            return success ? value : failure;
        }

        @Override
        public String toString() {
            return "(" + success + ", " + valueOrFailure() + ")";
        }
    }

    /**
     * The result of {@link #fireOnOneCallback}: the first successful result and the position of
     * its Deferred in the list.
     *
     * @param value that Deferred's result
     * @param index its position in the list
     * @param <T> the result type
     */
    public record FirstResult<T extends @Nullable Object>(T value, int index) {
        @Override
        public String toString() {
            return "(" + value + ", " + index + ")";
        }
    }

    private final List<Deferred<? extends T>> deferreds;
    private final Result<T>[] results;
    private final boolean fireOnOneErrback;
    private final boolean consumeErrors;
    private int finished;

    /**
     * Waits for every Deferred of {@code deferreds}. With no Deferreds at all, it has fired
     * already, with an empty list.
     */
    public DeferredList(List<? extends Deferred<? extends T>> deferreds, Option... options) {
        super();
        this.deferreds = List.copyOf(deferreds);
        Set<Option> set = options.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(options));
        this.fireOnOneErrback = set.contains(Option.FIRE_ON_ONE_ERRBACK);
        this.consumeErrors = set.contains(Option.CONSUME_ERRORS);
        @SuppressWarnings("unchecked")
        Result<T>[] array = (Result<T>[]) new Result<?>[this.deferreds.size()];
        this.results = array;
        if (this.deferreds.isEmpty()) {
            callback(List.of());
        }
        for (int i = 0; i < this.deferreds.size(); i++) {
            watch(this.deferreds.get(i), i);
        }
    }

    /** The Deferreds this list waits for, in order. */
    public List<Deferred<? extends T>> deferreds() {
        return deferreds;
    }

    private void watch(Deferred<? extends T> deferred, int index) {
        deferred.<@Nullable Object>addCallbacks(
                value -> {
                    results[index] = Result.succeeded(value);
                    finished++;
                    if (!called() && finished == results.length) {
                        callback(Collections.unmodifiableList(Arrays.asList(results)));
                    }
                    return value;
                },
                failure -> {
                    results[index] = Result.failed(failure);
                    finished++;
                    if (!called()) {
                        if (fireOnOneErrback) {
                            errback(new FirstError(failure, index));
                        } else if (finished == results.length) {
                            callback(Collections.unmodifiableList(Arrays.asList(results)));
                        }
                    }
                    return consumeErrors ? null : failure;
                });
    }

    /**
     * Cancels every Deferred of the list, if the list has not fired; afterwards, does nothing.
     * An exception from one Deferred's canceller is logged and the others are cancelled all the
     * same. The list itself fires from what the cancelled Deferreds give, as Twisted's: when a
     * canceller neither fires its Deferred nor lets it fail, the list goes on waiting.
     */
    @Override
    public void cancel() {
        if (!called()) {
            cancelEach(deferreds);
        }
    }

    static void cancelEach(List<? extends Deferred<?>> deferreds) {
        for (Deferred<?> deferred : deferreds) {
            try {
                deferred.cancel();
            } catch (Throwable e) {
                DeferredLog.LOG.failure("Exception raised from user supplied canceller", Failure.rethrowIfFatal(e));
            }
        }
    }

    /**
     * Twisted's {@code DeferredList(deferreds, fireOnOneCallback=True)}: fires with the first
     * successful result and its index. When every Deferred fails (or, with
     * {@link Option#FIRE_ON_ONE_ERRBACK}, as soon as one does) it fails with a {@link FirstError}
     * for the first failure. (Twisted fires with the list of outcomes when all fail; Java's types
     * cannot hold either shape, so that case is a failure here.) With no Deferreds at all it
     * never fires, as in Twisted. Cancelling it cancels every Deferred of the list.
     */
    public static <T extends @Nullable Object> Deferred<FirstResult<T>> fireOnOneCallback(
            List<? extends Deferred<? extends T>> deferreds, Option... options) {
        List<Deferred<? extends T>> copy = List.copyOf(deferreds);
        Set<Option> set = options.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(options));
        boolean fireOnOneErrback = set.contains(Option.FIRE_ON_ONE_ERRBACK);
        boolean consumeErrors = set.contains(Option.CONSUME_ERRORS);
        Deferred<FirstResult<T>> first = new Deferred<>(ignored -> cancelEach(copy));
        int[] finished = {0};
        @Nullable FirstError[] firstError = {null};
        for (int i = 0; i < copy.size(); i++) {
            int index = i;
            copy.get(i)
                    .<@Nullable Object>addCallbacks(
                            value -> {
                                finished[0]++;
                                if (!first.called()) {
                                    first.callback(new FirstResult<>(value, index));
                                }
                                return value;
                            },
                            failure -> {
                                finished[0]++;
                                FirstError error = firstError[0];
                                if (error == null) {
                                    error = new FirstError(failure, index);
                                    firstError[0] = error;
                                }
                                if (!first.called() && (fireOnOneErrback || finished[0] == copy.size())) {
                                    first.errback(error);
                                }
                                return consumeErrors ? null : failure;
                            });
        }
        return first;
    }
}
