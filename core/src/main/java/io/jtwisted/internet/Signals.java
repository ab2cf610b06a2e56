package io.jtwisted.internet;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Process signals ({@code SIGHUP}, {@code SIGUSR1} …), what Python's {@code signal} module is to a
 * Twisted program: the reactor stops on SIGINT and SIGTERM with it, and {@code twistd} reopens its
 * log file on SIGHUP. A handler runs on a thread of the JVM's, not the reactor's: hand the work to
 * the reactor with {@code callFromThread}.
 *
 * <p>Built on {@code sun.misc.Signal} of module {@code jdk.unsupported}, the JDK's one way to handle a
 * signal and keep running (a shutdown hook runs only once the JVM is exiting), reached by reflection
 * so that this is the one place that names it.
 *
 * <p>A signal the process was started with ignored ({@code SIG_IGN} inherited from its parent: {@code nohup}
 * ignores SIGHUP, a non-interactive shell's background job SIGINT) may stay ignored. HotSpot does not take
 * SIGHUP, SIGINT or SIGTERM over from an inherited {@code SIG_IGN}, unlike Python's {@code signal.signal}:
 * {@link #handle} then installs nothing that will ever run, and says so through {@link
 * Installed#stillIgnored()}. Other signals (SIGUSR1, SIGUSR2 …) are taken over. No call made in the process
 * can undo that; how it is started can: without {@code nohup}, or through {@code env --default-signal=HUP}.
 */
public final class Signals {
    private static final Class<?> SIGNAL;
    private static final Class<?> HANDLER;
    private static final MethodHandle NEW_SIGNAL;
    private static final MethodHandle HANDLE;
    private static final MethodHandle RAISE;
    private static final MethodHandle NUMBER;
    private static final Object IGNORED;

    static {
        try {
            SIGNAL = Class.forName("sun.misc.Signal");
            HANDLER = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            NEW_SIGNAL = lookup.findConstructor(SIGNAL, MethodType.methodType(void.class, String.class));
            HANDLE = lookup.findStatic(SIGNAL, "handle", MethodType.methodType(HANDLER, SIGNAL, HANDLER));
            RAISE = lookup.findStatic(SIGNAL, "raise", MethodType.methodType(void.class, SIGNAL));
            NUMBER = lookup.findVirtual(SIGNAL, "getNumber", MethodType.methodType(int.class));
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
        private final boolean stillIgnored;

        private Installed(Object signal, Object previous, boolean stillIgnored) {
            this.signal = signal;
            this.previous = previous;
            this.stillIgnored = stillIgnored;
        }

        /**
         * True when the signal was ignored before this handler (a process started under {@code nohup}, a
         * background job of a non-interactive shell). That alone does not mean the handler is lost: see
         * {@link #stillIgnored()}.
         */
        public boolean previouslyIgnored() {
            return previous == IGNORED;
        }

        /**
         * True when the process still ignores the signal, so the action will never run: the signal was
         * ignored when the process started and the JVM would not take it over (SIGHUP, SIGINT, SIGTERM; see
         * the {@linkplain Signals class description}). On Linux read from the process's ignored-signal mask
         * ({@code SigIgn} of {@code /proc/self/status}); elsewhere inferred from HotSpot's rule.
         */
        public boolean stillIgnored() {
            return stillIgnored;
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
     * @return the installed handler, whose {@link Installed#stillIgnored()} is true when the action will never
     *     run because the process ignores the signal and the JVM would not take it over
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
        Object previous = invokeHandle(signal, handler);
        return new Installed(signal, previous, previous == IGNORED && ignoredNow(name, signal));
    }

    /** Whether the process ignores {@code signal} now, after {@link #handle} tried to take it over. */
    private static boolean ignoredNow(String name, Object signal) {
        int number = number(signal);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(
                            line.substring("SigIgn:".length()).strip(), 16);
                    return number >= 1 && number <= 64 && (mask & (1L << (number - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException noProcStatus) {
            // not Linux: fall back to the rule below
        }
        // HotSpot's JVM_RegisterSignal returns "ignored" for these, without installing, when it finds them so.
        return switch (name) {
            case "HUP", "INT", "TERM" -> true;
            default -> false;
        };
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

    private static int number(Object signal) {
        try {
            return (int) NUMBER.invoke(signal);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot number " + signal, e);
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
