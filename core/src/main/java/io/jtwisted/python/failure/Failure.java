package io.jtwisted.python.failure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error travelling down a {@code Deferred}'s errback chain: a {@link Throwable} together with
 * its traceback, as Twisted's {@code twisted.python.failure.Failure}.
 *
 * <p>A Failure never copies or rewrites the exception it wraps: {@link #value()} is the very
 * object that was thrown or passed to {@code errback}, so its stack trace is the traceback. Two
 * Failures are equal when they carry the same exception object (identity, not
 * {@code Throwable.equals}): wrapping an exception again gives a Failure equal to the first, as
 * a Failure re-raised in Twisted is the same failure.
 *
 * <p>Fatal errors are not failures: a {@link VirtualMachineError} other than
 * {@link StackOverflowError} (an {@link OutOfMemoryError}, an {@link InternalError}) means the JVM
 * can no longer be trusted to run the errback chain, so {@link #Failure(Throwable)} rethrows it
 * instead of wrapping it, and code that catches {@code Throwable} to report it elsewhere calls
 * {@link #rethrowIfFatal(Throwable)} first. A stack overflow is recoverable (the stack has
 * unwound by the time it is caught) and becomes a Failure like any other error.
 */
public final class Failure {
    private final Throwable value;

    /**
     * Wraps {@code value}; a Failure given a Failure's value is equal to that Failure.
     *
     * @throws VirtualMachineError {@code value} itself, when it is fatal (see {@link #isFatal})
     */
    public Failure(Throwable value) {
        this.value = rethrowIfFatal(Objects.requireNonNull(value, "value"));
    }

    /**
     * True for the errors that JTwisted never turns into a Failure nor logs and carries on after:
     * every {@link VirtualMachineError} except {@link StackOverflowError}. The reactor and the
     * Deferred share this one rule.
     */
    public static boolean isFatal(Throwable error) {
        return error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
    }

    /**
     * Throws {@code error} unchanged when it is {@linkplain #isFatal fatal}, and otherwise returns
     * it, so that a handler catching {@code Throwable} reads
     * {@code catch (Throwable t) { report(Failure.rethrowIfFatal(t)); }}.
     */
    public static Throwable rethrowIfFatal(Throwable error) {
        if (isFatal(error)) {
            throw (VirtualMachineError) error;
        }
        return error;
    }

    /** Wraps {@code value}, or returns it as is when it is already a Failure. */
    public static Failure of(Object value) {
        if (value instanceof Failure failure) {
            return failure;
        }
        if (value instanceof Throwable throwable) {
            return new Failure(throwable);
        }
        throw new IllegalArgumentException("not a Throwable or Failure: " + value);
    }

    /** The exception this failure carries. */
    public Throwable value() {
        return value;
    }

    /** The class of the exception this failure carries. */
    public Class<? extends Throwable> type() {
        return value.getClass();
    }

    /**
     * Returns the first of {@code types} that the carried exception is an instance of, or
     * {@code null} when it matches none of them.
     */
    @SafeVarargs
    public final @Nullable Class<? extends Throwable> check(Class<? extends Throwable>... types) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(value)) {
                return type;
            }
        }
        return null;
    }

    /**
     * Returns the first of {@code types} that the carried exception is an instance of, and
     * otherwise rethrows that exception (unchanged, so the next errback sees this same failure).
     * In an errback: {@code failure.trap(SpamException.class, EggException.class);}
     */
    @SafeVarargs
    public final Class<? extends Throwable> trap(Class<? extends Throwable>... types) {
        Class<? extends Throwable> match = check(types);
        if (match == null) {
            throw sneakyThrow(value);
        }
        return match;
    }

    /**
     * Throws the carried exception unchanged, whatever its checked-ness. Declared to return an
     * exception so callers can write {@code throw failure.raiseException();}.
     */
    public RuntimeException raiseException() {
        throw sneakyThrow(value);
    }

    /** The exception's message, or its class name when it has none. */
    public String getErrorMessage() {
        String message = value.getMessage();
        return message != null ? message : value.getClass().getName();
    }

    /** One line: the exception's class and message, as Twisted's brief traceback ends. */
    public String getBriefTraceback() {
        return value.getClass().getName() + ": " + getErrorMessage();
    }

    /** The full traceback of the carried exception, causes included. */
    public String getTraceback() {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            value.printStackTrace(writer);
        }
        return out.toString();
    }

    /** True when {@code other} is a Failure carrying the very same exception object. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Failure failure && failure.value == value;
    }

    /** The identity hash of the carried exception, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return System.identityHashCode(value);
    }

    @Override
    public String toString() {
        return "[Failure instance: " + getBriefTraceback() + "]";
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneakyThrow(Throwable throwable) throws E {
        throw (E) throwable;
    }
}
