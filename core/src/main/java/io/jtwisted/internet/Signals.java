package io.jtwisted.internet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;

/**
 * Process signals ({@code SIGHUP}, {@code SIGUSR1} …), what Python's {@code signal} module is to a
 * Twisted program: the reactor stops on SIGINT and SIGTERM with it, and {@code twistd} reopens its
 * log file on SIGHUP. A handler runs on a thread of the JVM's, not the reactor's: hand the work to
 * the reactor with {@code callFromThread}.
 *
 * <p>Built on {@code sun.misc.Signal} of module {@code jdk.unsupported}, the JDK's one way to handle a
 * signal and keep running (a shutdown hook runs only once the JVM is exiting), reached by reflection
 * so that this is the one place that names it.
 */
public final class Signals {
    private static final Class<?> SIGNAL;
    private static final Class<?> HANDLER;
    private static final MethodHandle NEW_SIGNAL;
    private static final MethodHandle HANDLE;
    private static final MethodHandle RAISE;
    private static final Object IGNORED;

    static {
        try {
            SIGNAL = Class.forName("sun.misc.Signal");
            HANDLER = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            NEW_SIGNAL = lookup.findConstructor(SIGNAL, MethodType.methodType(void.class, String.class));
            HANDLE = lookup.findStatic(SIGNAL, "handle", MethodType.methodType(HANDLER, SIGNAL, HANDLER));
            RAISE = lookup.findStatic(SIGNAL, "raise", MethodType.methodType(void.class, SIGNAL));
            IGNORED = HANDLER.getField("SIG_IGN").get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Signals() {}

    /** A handler put in place by {@link #handle}. */
    public static final class Installed {
        private final Object signal;
        private final Object previous;

        private Installed(Object signal, Object previous) {
            this.signal = signal;
            this.previous = previous;
        }

        /**
         * True when the signal was ignored before (a process started under {@code nohup}, a
         * background job of a non-interactive shell): the JVM then does not deliver it.
         */
        public boolean previouslyIgnored() {
            return previous == IGNORED;
        }

        /** Puts back the handler this one replaced. */
        public void restore() {
            invokeHandle(signal, previous);
        }
    }

    /**
     * Runs {@code action} each time signal {@code name} ({@code "HUP"}, {@code "TERM"}: without
     * {@code SIG}) arrives, on a thread of the JVM's.
     *
     * @throws IllegalArgumentException if there is no such signal, or the JVM keeps it for itself
     * @throws UnsupportedOperationException if this JVM cannot handle signals
     */
    public static Installed handle(String name, Runnable action) {
        Object signal = signal(name);
        Object handler = Proxy.newProxyInstance(
                Signals.class.getClassLoader(),
                new Class<?>[] {HANDLER},
                (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        action.run();
                        yield null;
                    }
                    case "toString" -> "<handler of SIG" + name + ">";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new Installed(signal, invokeHandle(signal, handler));
    }

    /** Sends signal {@code name} to this process, as Python's {@code signal.raise_signal}. */
    public static void raise(String name) {
        try {
            RAISE.invoke(signal(name));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot raise SIG" + name, e);
        }
    }

    private static Object signal(String name) {
        try {
            return NEW_SIGNAL.invoke(name);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot name SIG" + name, e);
        }
    }

    private static Object invokeHandle(Object signal, Object handler) {
        try {
            return HANDLE.invoke(signal, handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot handle " + signal, e);
        }
    }
}
